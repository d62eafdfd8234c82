const jakartaOffsetMs = 7 * 60 * 60 * 1000;

/** `yyyy-MM-ddTHH:mm:ss+07:00`, the format DANA's seeds require for X-TIMESTAMP and respTime. */
export function formatJakartaTime(date: Date): string {
  const local = new Date(date.getTime() + jakartaOffsetMs).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** The Jakarta calendar day (`yyyy-MM-dd`) of an instant: SNAP's X-EXTERNAL-ID uniqueness window. */
export function jakartaDay(date: Date): string {
  return new Date(date.getTime() + jakartaOffsetMs).toISOString().slice(0, 10);
}
