import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numerics come back as strings: numbers in, numbers out (null kept). */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
