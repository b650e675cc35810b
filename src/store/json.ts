/** Documents are stored as JSON text so one code path serves SQLite and PostgreSQL. */
export const toJson = (value: unknown): string => JSON.stringify(value);
export const fromJson = <T>(text: string): T => JSON.parse(text) as T;
