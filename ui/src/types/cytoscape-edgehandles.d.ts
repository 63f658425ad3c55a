// The edgehandles extension ships no types; this is the part Greychart uses.
declare module "cytoscape-edgehandles" {
  import type { Ext } from "cytoscape";
  const extension: Ext;
  export default extension;
}
