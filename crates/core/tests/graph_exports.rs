//! GraphML and GEXF exports read back with a real XML parser (roxmltree):
//! well-formed whatever the names hold; every attribute value refers to a
//! declared key of the right kind; every edge joins two exported people;
//! the edges are the reporting lines, plus with private data the grey
//! chart's pairs with their weights and evidence; without it, no trace of
//! the grey chart.

#![allow(clippy::unwrap_used)]

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use greychart_core::analytics::{sway_edges, SwayOptions};
use greychart_core::demo::demo_workspace;
use greychart_core::export::{graph_gexf, graph_graphml};
use greychart_core::model::{Person, WorkspaceData};
use roxmltree::{Document, Node};

const GRAPHML: &str = "http://graphml.graphdrawing.org/xmlns";
const GEXF: &str = "http://gexf.net/1.3";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// The demo with a person whose name and title hold markup, quotes and
/// characters XML cannot hold.
fn hostile_demo() -> WorkspaceData {
    let mut data = demo_workspace(day());
    data.people.push(Person {
        id: "p99".into(),
        name: "<b>Zoë \"Z\" & 'co'</b>\u{0}\u{1b}]]>".into(),
        title: "line one\nline two\ttabbed".into(),
        team: None,
        manager: Some("p01".into()),
    });
    data
}

fn children<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Vec<Node<'a, 'i>> {
    node.children().filter(|c| c.tag_name().namespace() == Some(ns) && c.tag_name().name() == name).collect()
}

fn descendants<'a, 'i>(doc: &'a Document<'i>, ns: &str, name: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|c| c.tag_name().namespace() == Some(ns) && c.tag_name().name() == name).collect()
}

/// Node id → name.
type Nodes = HashMap<String, String>;
/// (source, target) → data key → value.
type Edges = HashMap<(String, String), HashMap<String, String>>;

/// Checks a GraphML document's structure; returns its nodes and edges.
fn read_graphml(text: &str) -> (Nodes, Edges) {
    let doc = Document::parse(text).unwrap();
    let root = doc.root_element();
    assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (Some(GRAPHML), "graphml"));
    let keys: HashMap<&str, &str> = children(root, GRAPHML, "key")
        .iter()
        .map(|k| (k.attribute("id").unwrap(), k.attribute("for").unwrap()))
        .collect();
    let graphs = children(root, GRAPHML, "graph");
    assert_eq!(graphs.len(), 1);
    assert_eq!(graphs[0].attribute("edgedefault"), Some("directed"));
    for data in descendants(&doc, GRAPHML, "data") {
        let key = data.attribute("key").unwrap();
        let owner = data.parent_element().unwrap().tag_name().name();
        assert_eq!(keys.get(key), Some(&owner), "data key {key} on a {owner}");
    }
    let value = |n: Node<'_, '_>, key: &str| {
        children(n, GRAPHML, "data")
            .iter()
            .find(|d| d.attribute("key") == Some(key))
            .map(|d| d.text().unwrap_or("").to_owned())
    };
    let mut nodes = HashMap::new();
    for n in children(graphs[0], GRAPHML, "node") {
        let fresh = nodes.insert(n.attribute("id").unwrap().to_owned(), value(n, "name").unwrap());
        assert!(fresh.is_none(), "node ids are unique");
    }
    let mut edges = HashMap::new();
    let mut ids = HashSet::new();
    for e in children(graphs[0], GRAPHML, "edge") {
        assert!(ids.insert(e.attribute("id").unwrap().to_owned()), "edge ids are unique");
        let (s, t) = (e.attribute("source").unwrap().to_owned(), e.attribute("target").unwrap().to_owned());
        assert!(nodes.contains_key(&s) && nodes.contains_key(&t), "edge {s} → {t} joins exported people");
        let data = children(e, GRAPHML, "data")
            .iter()
            .map(|d| (d.attribute("key").unwrap().to_owned(), d.text().unwrap_or("").to_owned()))
            .collect();
        edges.insert((s, t), data);
    }
    (nodes, edges)
}

#[test]
fn graphml_holds_the_formal_chart_and_with_private_data_the_grey_chart_and_its_evidence() {
    let data = hostile_demo();
    let shared = graph_graphml(&data, day(), false);
    let (nodes, edges) = read_graphml(&shared);
    assert_eq!(nodes.len(), data.people.len());
    assert_eq!(
        nodes["p99"], "<b>Zoë \"Z\" & 'co'</b>\u{fffd}\u{fffd}]]>",
        "names come back as written, unholdable characters replaced"
    );
    let managed = data.people.iter().filter(|p| p.manager.is_some()).count();
    assert_eq!(edges.len(), managed, "without private data only the reporting lines");
    assert!(edges
        .values()
        .all(|d| d["layer"] == "formal" && d["weight"].parse::<f64>().unwrap() == data.formal_weight));
    assert!(!shared.contains("PRIVATE") && !shared.contains("grey_weight\">"));

    let private = graph_graphml(&data, day(), true);
    assert!(private.contains("<!-- PRIVATE"));
    let (_, edges) = read_graphml(&private);
    let options = SwayOptions { as_of: day(), formal_weight: data.formal_weight, formal_only: false };
    let expected = sway_edges(&data.people, &data.claims, options);
    assert_eq!(edges.len(), expected.len());
    for e in &expected {
        let got = &edges[&(e.from.clone(), e.to.clone())];
        assert_eq!(got["weight"].parse::<f64>().unwrap(), e.weight);
        assert_eq!(got["grey_weight"].parse::<f64>().unwrap(), e.grey);
        assert_eq!(got["claims"].parse::<u32>().unwrap(), e.claims);
        assert_eq!(got["stale"], e.stale.to_string());
        assert_eq!(got["known_no_influence"], e.known_none.to_string());
    }
    assert!(edges.values().any(|d| d["layer"] == "grey") && edges.values().any(|d| d["layer"] == "formal+grey"));
}

#[test]
fn gexf_declares_every_attribute_it_uses_and_weights_its_edges() {
    let data = hostile_demo();
    for private in [false, true] {
        let text = graph_gexf(&data, day(), private);
        let doc = Document::parse(&text).unwrap();
        let root = doc.root_element();
        assert_eq!(
            (root.tag_name().namespace(), root.tag_name().name(), root.attribute("version")),
            (Some(GEXF), "gexf", Some("1.3"))
        );
        let mut declared: HashMap<&str, HashSet<&str>> = HashMap::new();
        for group in descendants(&doc, GEXF, "attributes") {
            let class = group.attribute("class").unwrap();
            for a in children(group, GEXF, "attribute") {
                declared.entry(class).or_default().insert(a.attribute("id").unwrap());
            }
        }
        let nodes: HashSet<&str> = descendants(&doc, GEXF, "node").iter().map(|n| n.attribute("id").unwrap()).collect();
        assert_eq!(nodes.len(), data.people.len());
        for value in descendants(&doc, GEXF, "attvalue") {
            let owner = value.ancestors().find(|a| ["node", "edge"].contains(&a.tag_name().name())).unwrap();
            let class = owner.tag_name().name();
            assert!(declared[class].contains(value.attribute("for").unwrap()), "undeclared {class} attribute");
        }
        let edges = descendants(&doc, GEXF, "edge");
        for e in &edges {
            assert!(nodes.contains(e.attribute("source").unwrap()) && nodes.contains(e.attribute("target").unwrap()));
            assert!(e.attribute("weight").unwrap().parse::<f64>().is_ok());
        }
        let managed = data.people.iter().filter(|p| p.manager.is_some()).count();
        assert_eq!(edges.len() > managed, private, "grey edges only with private data");
        assert_eq!(text.contains("PRIVATE"), private);
    }
}
