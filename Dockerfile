# One image for the API and the worker (current Node LTS). Build: docker build -t digital-dla .
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `npm run build` compiles the API and workers into dist/ and the console into web/dist.
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
# OCR for scanned orders and poppler for rendering their pages; Thai fonts for rendering.
RUN apt-get update && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-tha poppler-utils qpdf fonts-thai-tlwg ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/migrations ./migrations
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
