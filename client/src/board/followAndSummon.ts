import { FocusAreaMeta, type ControlState } from '@samskapa/shared';
import { useEffect } from 'react';
import type { Editor } from 'tldraw';
import { useSummon } from '../session/useSummon';
import type { MessageKey } from '../i18n/i18n';

/** How often to look for the followed facilitator's presence until it has arrived. */
const FIND_LEADER_MS = 1000;

/**
 * Follow-me and summon on the canvas: while the facilitator asks everyone to follow them, this canvas
 * follows their view (tldraw's own following: the person can still leave it by moving); a summon
 * zooms to the area's frame.
 */
export function useFollowAndSummon(
  editor: Editor | null,
  control: ControlState | null,
  ownPresenceId: string,
  notify: (key: MessageKey) => void,
): void {
  const leader = control?.follow?.presenceId ?? null;
  useEffect(() => {
    if (!editor || !leader || leader === ownPresenceId) return;
    let following = false;
    const find = () => {
      if (following || editor.isDisposed) return;
      const collaborator = editor.getCollaborators().find((c) => c.userId.endsWith(leader));
      if (!collaborator) return;
      editor.startFollowingUser(collaborator.userId);
      following = true;
      notify('facilitate.following');
    };
    find();
    const interval = setInterval(find, FIND_LEADER_MS);
    return () => {
      clearInterval(interval);
      if (!editor.isDisposed && editor.getInstanceState().followingUserId) editor.stopFollowingUser();
    };
  }, [editor, leader, ownPresenceId, notify]);

  useSummon(control, (code) => {
    if (!editor) return;
    const frame = editor
      .getCurrentPageShapes()
      .find((shape) => FocusAreaMeta.safeParse(shape.meta).data?.code === code);
    const bounds = frame && editor.getShapePageBounds(frame);
    if (!bounds) return;
    if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
    editor.zoomToBounds(bounds, { animation: { duration: 400 }, inset: 32 });
    notify('facilitate.summoned');
  });
}
