import { SetMetadata } from '@nestjs/common';

export const WITHOUT_IDEMPOTENCY = 'withoutIdempotency';

/** For a POST whose answer is more than its body (a cookie): a replay could not give it again. */
export const WithoutIdempotency = (): MethodDecorator => SetMetadata(WITHOUT_IDEMPOTENCY, true);
