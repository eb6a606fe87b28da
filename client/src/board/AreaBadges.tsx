import { useEditor, useValue, type TLShape } from 'tldraw';
import { areaOf, readFocusArea, type StoredRecord } from '@samskapa/shared';
import { useT } from '../i18n/i18n';

/**
 * On the canvas, at the top right of every focus area: how many notes participants have put in it.
 * Membership comes from the one shared rule (`areaOf`), as in the list board and the exports.
 */
export function AreaBadges() {
  const editor = useEditor();
  const t = useT();
  const badges = useValue(
    'area badges',
    () => {
      const shapes = editor.getCurrentPageShapes();
      const lookup = (id: string) => editor.store.get(id as TLShape['id']) as StoredRecord | undefined;
      const counts = new Map<string, number>();
      for (const shape of shapes) {
        if (shape.type !== 'note' || (shape.meta as { reference?: unknown }).reference === true) continue;
        const area = areaOf(shape.id, lookup);
        if (area) counts.set(area, (counts.get(area) ?? 0) + 1);
      }
      return shapes.flatMap((shape) => {
        const area = readFocusArea(shape as unknown as StoredRecord);
        const bounds = area && editor.getShapePageBounds(shape);
        return area && bounds
          ? [
              {
                id: area.id,
                code: area.code,
                x: bounds.maxX,
                y: bounds.minY,
                count: counts.get(area.id) ?? 0,
              },
            ]
          : [];
      });
    },
    [editor],
  );
  return (
    <>
      {badges.map((badge) => (
        <div
          key={badge.id}
          className="area-badge"
          data-testid={`area-badge-${badge.code}`}
          style={{ transform: `translate(${badge.x}px, ${badge.y}px)` }}
        >
          {badge.count === 1 ? t('canvas.areaCountOne') : t('canvas.areaCount', { count: badge.count })}
        </div>
      ))}
    </>
  );
}
