// Ids and labels from the record appear in issue messages. They are quoted as JSON, so a line break or quote inside
// cannot forge another line of formatted output, and cut to a length a message can carry.

const MAX_QUOTED = 64;

/** An id or label from the record, quoted for a message: JSON-escaped and at most 64 characters. */
export function quoteId(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value);
}
