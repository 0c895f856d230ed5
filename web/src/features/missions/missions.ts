/** The lab's three missions and the proof of their impact, as the navigation shows them. */
export const MISSIONS = ['inspire', 'gather', 'act', 'impact'] as const;
export type Mission = (typeof MISSIONS)[number];

export const MISSION_PATHS: Record<Mission, string> = {
  inspire: '/inspirer',
  gather: '/rassembler',
  act: '/agir',
  impact: '/impact',
};

/** Whether the mission's own tools exist yet; every page links to the directory, which does. */
export const MISSION_AVAILABLE: Record<Mission, boolean> = {
  inspire: false,
  gather: true,
  act: false,
  impact: false,
};
