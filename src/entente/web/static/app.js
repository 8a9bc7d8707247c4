// entente dashboard: small enhancements over server-rendered pages (which work without it).
// No HTML is built here: only classes, attributes and scrolling change.

function networkFocus(svg) {
  const edges = [...svg.querySelectorAll(".edge")];
  const nodes = [...svg.querySelectorAll(".node")];
  const clear = () => {
    svg.classList.remove("focus");
    for (const el of [...edges, ...nodes]) el.classList.remove("hot");
  };
  for (const node of nodes) {
    const code = node.dataset.code;
    node.addEventListener("mouseenter", () => {
      svg.classList.add("focus");
      node.classList.add("hot");
      const near = new Set([code]);
      for (const e of edges) {
        if (e.dataset.source === code || e.dataset.target === code) {
          e.classList.add("hot");
          near.add(e.dataset.source);
          near.add(e.dataset.target);
        }
      }
      for (const n of nodes) if (near.has(n.dataset.code)) n.classList.add("hot");
    });
    node.addEventListener("mouseleave", clear);
  }
}

function revealEvidence() {
  // A link to #ev-… or #st-… lands on the marked evidence: centre it and let it flash once.
  const id = decodeURIComponent(location.hash.slice(1));
  if (!/^(ev|st)-/.test(id)) return;
  const anchor = document.getElementById(id);
  if (!anchor) return;
  const target = anchor.nextElementSibling || anchor;
  target.scrollIntoView({block: "center"});
  target.classList.add("flash");
}

document.addEventListener("DOMContentLoaded", () => {
  const svg = document.getElementById("network");
  if (svg) networkFocus(svg);
  revealEvidence();
  window.addEventListener("hashchange", revealEvidence);
});
