import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'dla:public';
/** Marks a route that needs no sign-in (login, set-password, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
