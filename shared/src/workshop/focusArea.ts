import { z } from 'zod';
import { AreaCode, AreaColor, AreaKind, AreaTitle, type AreaCode as Code } from '../model/focusArea';

/** Longest title an area keeps (`AreaTitle`). */
const MAX_AREA_TITLE = 200;
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

// Records are never changed in place (a change is a new object), so each is read once: the canvas asks
// for every note's area on every change.
const read = new WeakMap<object, FocusArea | null>();

/** The focus area a stored record is, or undefined when it is anything else (or a malformed area). */
export function readFocusArea(record: StoredRecord | undefined): FocusArea | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const known = read.get(record);
  if (known !== undefined) return known ?? undefined;
  const area = parseFocusArea(record);
  read.set(record, area ?? null);
  return area;
}

function parseFocusArea(record: StoredRecord): FocusArea | undefined {
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

/** An area's name as every view shows it, and its frame on the canvas: its code, then its title. */
export function areaFrameName(code: string, title: string): string {
  return `${code} ${title}`;
}

/** What a code typed at the start of a frame's name looks like: capitals and digits ("B1", "SK", "1Ö"). */
const TYPED_CODE = /^[\p{Lu}\p{N}][\p{Lu}\p{N}._-]{0,11}$/u;

/**
 * Code and title read back from a frame name someone edited on the canvas. The first word is the code
 * when it looks like one (capitals and digits) and no other area has it; otherwise the code stays and
 * the whole name is the title ("Nära vård och omsorg" is a title, not the code "Nära").
 */
export function parseAreaFrameName(
  name: string,
  previousCode: string,
  codeTaken: (code: string) => boolean = () => false,
): { code: string; title: string } {
  const trimmed = name.trim();
  const space = trimmed.search(/\s/);
  const first = space > 0 ? trimmed.slice(0, space) : '';
  if (first && TYPED_CODE.test(first) && (first === previousCode || !codeTaken(first))) {
    return { code: first, title: trimmed.slice(space).trim().slice(0, MAX_AREA_TITLE) };
  }
  const title = first === previousCode ? trimmed.slice(space).trim() : trimmed;
  return { code: previousCode, title: (title || previousCode).slice(0, MAX_AREA_TITLE) };
}
