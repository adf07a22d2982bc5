/** Escapes text for the HTML part of a mail. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A minimal Thai HTML mail body: paragraphs and an optional call-to-action link. */
export function htmlMail(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const cta = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '';
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"></head><body style="font-family: Sarabun, Tahoma, sans-serif">\n${body}\n${cta}\n<p style="color:#666">ระบบบริการประชาชนและบริหารท้องถิ่นดิจิทัล (Digital DLA)<br>กรมส่งเสริมการปกครองท้องถิ่น</p></body></html>`;
}

/** Buddhist Era date for people, e.g. "29 พฤศจิกายน 2569 เวลา 10:30 น." (Asia/Bangkok). */
export function thaiDateTime(date: Date): string {
  const text = new Intl.DateTimeFormat('th-TH', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Bangkok',
  }).format(date);
  return `${text} น.`;
}
