/**
 * A meeting's id depends only on its pair, so it survives re-planning (calendar invitations use
 * it). Percent-encoding each id keeps the separator out of them: two pairs never share an id.
 */
export function meetingId(a: string, b: string): string {
  return `${encodeURIComponent(a)}:${encodeURIComponent(b)}`;
}
