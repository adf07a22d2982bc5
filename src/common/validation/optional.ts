import { IsOptional, ValidateIf, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A field that may be left out, but is never `null`. class-validator's `@IsOptional()` lets `null` through
 * every other rule, so `{"slaDays": null}` reached a NOT NULL column (a 500) or cleared a required value.
 * Use this unless `null` has a meaning for the field; then say so with `@Nullable()`.
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  const skipWhenAbsent = ValidateIf((_object: object, value: unknown) => value !== undefined, options);
  const notNull = ValidateBy(
    { name: 'notNull', validator: { validate: (value: unknown) => value !== null } },
    options,
  );
  return (target: object, property: string | symbol) => {
    skipWhenAbsent(target, property);
    notNull(target, property);
  };
}

/** A field that may be left out or be `null`, which means "clear it" (a fee, a note, a contact detail). */
export function Nullable(options?: ValidationOptions): PropertyDecorator {
  return IsOptional(options);
}
