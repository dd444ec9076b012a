// The wire form of `date-time` timestamps: RFC 3339 / ISO 8601 with a time zone, as Smithy defines it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export function isDateTimeString(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** How a restJson1 service writes a timestamp: UTC, `Z`, milliseconds where there are any. */
export function toDateTimeString(date: Date): string {
  return date.toISOString();
}
