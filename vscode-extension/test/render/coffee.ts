/**
 * A small tree's diagram in the shape of the server's DOT (see the server's
 * `export/dot.py`), for the tests that draw it.
 */
export const SOURCE = `digraph "How should I brew my coffee?" {
  graph [label="How should I brew my coffee?", labelloc="t"];
  node [fontname="Helvetica"];
  edge [fontname="Helvetica"];
  "Q1" [label="Q1: Do you have more than five minutes?", shape="box"];
  "Q2" [label="Q2: Is there a grinder — and \\"fresh\\" beans?", shape="box"];
  "INSTANT" [label="Instant coffee", shape="box", style="rounded,filled", fillcolor="#888888", fontcolor="#000000"];
  "POUR-OVER" [label="Pour-over ☕", shape="box", style="rounded,filled", fillcolor="#f59e0b", fontcolor="#000000"];
  "FRENCH_PRESS" [label="French press", shape="box", style="rounded,filled", fillcolor="#f1f5f9", fontcolor="#000000"];
  "MOKA" [label="MOKA (not defined)", shape="hexagon", style="dashed"];
  "Q1" -> "Q2" [label="yes"];
  "Q1" -> "INSTANT" [label="no"];
  "Q2" -> "POUR-OVER" [label="yes"];
  "Q2" -> "FRENCH_PRESS" [label="no"];
  "Q2" -> "MOKA" [label="not sure"];
}
`;

/** The tree ids of SOURCE's boxes, in the order Graphviz draws them. */
export const IDS = ["Q1", "Q2", "INSTANT", "POUR-OVER", "FRENCH_PRESS", "MOKA"];
