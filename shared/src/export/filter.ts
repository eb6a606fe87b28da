import type { WorkshopExport } from './workshopExport';

/**
 * The export narrowed to the area with `code` (its notes, and the groups working on it); undefined when
 * the workshop has no such area. The agenda and the vote stay: they say how the area's notes came about.
 */
export function onlyArea(data: WorkshopExport, code: string): WorkshopExport | undefined {
  const area = data.areas.find((a) => a.code === code);
  if (!area) return undefined;
  return {
    ...data,
    areas: [area],
    unassigned: [],
    groups: data.groups.filter((g) => g.areaCode === code),
  };
}
