// The page's first script: a plain file of its own with no imports (not part of the app's bundle), so
// it runs as soon as its few hundred bytes are here, long before the app's script. A phone opening a
// participant link (`/w/<id>#p=<secret>`) asks for the workshop's outline at once, and the first note
// form (client/src/participate/QuickPhone.tsx, which takes the answer) has its areas the moment it can
// be drawn: on a slow network that is a round trip, and the answer no longer waits behind the rest of
// the app's code. `p` is LINK_FRAGMENT_KEY.participant. A classic `async` script, not a module: it runs
// the moment it is here, with no module graph to set up first (on a slow phone that was 130 ms).
{
  const board = /^\/w\/([^/]+)$/.exec(window.location.pathname);
  const token = new URLSearchParams(window.location.hash.slice(1)).get('p');
  if (board && board[1] && token) {
    const workshopId = decodeURIComponent(board[1]);
    const response = fetch(`/api/workshops/${encodeURIComponent(workshopId)}/outline`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // Nobody may be waiting for it (a laptop, a phone that has the board): a failure is no error here.
    response.catch(() => undefined);
    window.samskapaOutline = { workshopId, token, response };
  }
}
