// Cytoscape with the extensions Greychart uses, registered once, and the
// drag-to-link gesture both graphs share.

import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import edgehandles from "cytoscape-edgehandles";

cytoscape.use(edgehandles);
cytoscape.use(dagre);

/** How a line being drawn looks, for each graph's style list. */
export const DRAWING_STYLE: cytoscape.StylesheetJson = [
  { selector: ".eh-preview, .eh-ghost-edge", style: { "line-color": "#2563eb", "target-arrow-color": "#2563eb", "line-style": "dashed", width: 2 } },
  { selector: ".eh-ghost-node", style: { opacity: 0 } },
];

/** The part of the edgehandles API Greychart uses. */
interface EdgeHandles {
  enableDrawMode(): void;
}

/**
 * Lets the user drag from one node to another to draw a link (when `on`).
 * The drawn line is only a gesture: it is removed at once and `onDrawn`
 * receives both nodes, so the caller records the link its own way.
 */
export function drawLinks(cy: cytoscape.Core, on: boolean, onDrawn: (from: cytoscape.NodeSingular, to: cytoscape.NodeSingular) => void): void {
  const handles = (cy as unknown as { edgehandles(o: object): EdgeHandles }).edgehandles({
    snap: true,
    snapThreshold: 18,
    hoverDelay: 60,
    canConnect: (source: cytoscape.NodeSingular, target: cytoscape.NodeSingular) => !source.same(target),
  });
  if (on) handles.enableDrawMode();
  cy.on("ehcomplete", (_event, ...rest: unknown[]) => {
    const [source, target, added] = rest as [cytoscape.NodeSingular, cytoscape.NodeSingular, cytoscape.EdgeSingular];
    added.remove();
    onDrawn(source, target);
  });
}

export default cytoscape;
