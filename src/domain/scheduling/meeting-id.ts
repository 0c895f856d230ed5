/**
 * A meeting's id depends only on its pair, so it survives re-planning (calendar invitations use
 * it). Percent-encoding each id keeps the separator out of them: two pairs never share an id.
 */
export function meetingId(a: string, b: string): string {
  return `${encodeURIComponent(a)}:${encodeURIComponent(b)}`;
}

/** `meetingId` for many pairs among the same participants (by index): each id is encoded once. */
export function meetingIds(ids: readonly string[]): (u: number, v: number) => string {
  const encoded = ids.map((id) => encodeURIComponent(id));
  return (u, v) => `${encoded[u]!}:${encoded[v]!}`;
}
