// Who may open which article. The one rule every content loader goes through.
import { isStaff } from "~/users/roles";
import type { Visibility } from "./model";

/** null for a visitor who is not signed in. */
export type Viewer = { role: string; isChampion: boolean } | null;

export function canOpen(visibility: Visibility, viewer: Viewer): boolean {
  switch (visibility) {
    case "public":
      return true;
    case "members":
      return viewer !== null;
    case "champions":
      // Staff see champion content too: they curate it and send champions to it.
      return viewer !== null && (viewer.isChampion || isStaff(viewer.role));
  }
}
