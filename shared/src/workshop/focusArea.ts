import { z } from 'zod';
import { AreaCode, AreaColor, AreaKind, AreaTitle, type AreaCode as Code } from '../model/focusArea';
import type { StoredRecord } from '../doc/boardDoc';

/** What a frame's `meta` carries when it is a focus area (DESIGN.md: `{ kind: 'focusArea', code, title }`). */
export const FocusAreaMeta = z.object({
  kind: z.literal('focusArea'),
  code: AreaCode,
  title: AreaTitle,
  description: z.string().max(2000).catch(''),
  areaKind: AreaKind.catch('theme'),
});
export type FocusAreaMeta = z.infer<typeof FocusAreaMeta>;

/** A focus area as views and exports see it. */
export interface FocusArea {
  /** The id of its frame on the canvas. */
  id: string;
  code: Code;
  title: string;
  description: string;
  color: AreaColor;
  kind: AreaKind;
  /** Where its frame sits (page coordinates) and how big it is; areas are listed in reading order. */
  x: number;
  y: number;
  w: number;
  h: number;
}

type FrameRecord = StoredRecord & {
  type?: unknown;
  x?: unknown;
  y?: unknown;
  meta?: unknown;
  props?: { w?: unknown; h?: unknown; color?: unknown };
};

/** Whether a stored record is the frame of a focus area. */
export function isFocusAreaFrame(record: StoredRecord | undefined): boolean {
  return readFocusArea(record) !== undefined;
}

/** The focus area a stored record is, or undefined when it is anything else (or a malformed area). */
export function readFocusArea(record: StoredRecord | undefined): FocusArea | undefined {
  const frame = record as FrameRecord | undefined;
  if (!frame || frame.typeName !== 'shape' || frame.type !== 'frame') return undefined;
  const meta = FocusAreaMeta.safeParse(frame.meta);
  if (!meta.success) return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    id: frame.id,
    code: meta.data.code,
    title: meta.data.title,
    description: meta.data.description,
    color: AreaColor.catch('black').parse(frame.props?.color),
    kind: meta.data.areaKind,
    x: num(frame.x),
    y: num(frame.y),
    w: num(frame.props?.w),
    h: num(frame.props?.h),
  };
}

/** The name a focus area's frame shows on the canvas: its code, then its title. */
export function areaFrameName(code: string, title: string): string {
  return `${code} ${title}`;
}

/**
 * Code and title read back from a frame name someone edited on the canvas: the first word is the code
 * when it is a valid one, else the code stays and the whole name is the title.
 */
export function parseAreaFrameName(name: string, previousCode: string): { code: string; title: string } {
  const trimmed = name.trim();
  const space = trimmed.search(/\s/);
  if (space > 0) {
    const code = AreaCode.safeParse(trimmed.slice(0, space));
    const title = trimmed.slice(space).trim();
    if (code.success && title) return { code: code.data, title };
  }
  return { code: previousCode, title: trimmed || previousCode };
}
