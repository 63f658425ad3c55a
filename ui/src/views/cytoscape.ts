// Cytoscape with the extensions Greychart uses, registered once.

import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import edgehandles from "cytoscape-edgehandles";

cytoscape.use(edgehandles);
cytoscape.use(dagre);

export default cytoscape;
