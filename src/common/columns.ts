import { ValueTransformer } from 'typeorm';

// DECIMAL arrives as a string from mysql2 and as a number from SQLite; the service uses numbers.
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

// Column shapes used across departments, so every table spells them the same way.
export const CODE = { type: 'varchar', length: 12 } as const; // GB/T 2260 district code (6 or 9+ digits)
export const SOURCE_KEY = { type: 'varchar', length: 64 } as const; // the department's own record id
export const ENUM = { type: 'varchar', length: 32 } as const; // enums are validated in code, stored as text
export const DAY = { type: 'date' } as const; // calendar day, 'YYYY-MM-DD'
