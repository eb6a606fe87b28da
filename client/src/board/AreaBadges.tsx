import { useEditor, useValue, type TLShape } from 'tldraw';
import { areaOf, countNotesByArea, readFocusArea, type StoredRecord } from '@samskapa/shared';
import { areaCountText } from '../i18n/areaCount';
import { useT } from '../i18n/i18n';

/**
 * On the canvas, at the top right of every focus area: how many notes participants have put in it,
 * and the reference content apart. Membership comes from the one shared rule (`areaOf`), and the
 * count from the one shared tally, as in the list board, the phone and the exports.
 */
export function AreaBadges() {
  const editor = useEditor();
  const t = useT();
  const badges = useValue(
    'area badges',
    () => {
      const shapes = editor.getCurrentPageShapes();
      const lookup = (id: string) => editor.store.get(id as TLShape['id']) as StoredRecord | undefined;
      const counts = countNotesByArea(
        [],
        shapes.flatMap((shape) =>
          shape.type === 'note'
            ? [
                {
                  areaId: areaOf(shape.id, lookup),
                  reference: (shape.meta as { reference?: unknown }).reference === true,
                },
              ]
            : [],
        ),
      );
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
                count: counts.get(area.id) ?? { notes: 0, reference: 0 },
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
          {areaCountText(t, badge.count)}
        </div>
      ))}
    </>
  );
}
