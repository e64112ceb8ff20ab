// The Wirewatch page as an Airflow UI React app (the plugin's `react_apps` entry).
//
// The UI renders a React app in its own page, not in the sandboxed iframe of an external view,
// where target=_blank and target=_top links are blocked. The page itself is rendered by the
// server (/wirewatch/fragment); a shadow root keeps its styles and the UI's apart. Article links
// open a new tab as they are; DAG and run links go through the UI's router; sort links reload the
// fragment and keep the sort in the address. No build step: React comes from the UI (globalThis).
const React = globalThis.React;
const { useNavigate, useSearchParams } = globalThis.ReactRouterDOM;

// next to this module, so a UI served under a base path works too
const FRAGMENT = new URL("fragment", import.meta.url);

async function show(root, response) {
  if (response.ok) {
    root.innerHTML = await response.text();
    return;
  }
  const body = await response.json().catch(() => ({}));
  root.textContent = `Wirewatch: ${body.detail ?? response.statusText}`;
}

function WirewatchPage() {
  const host = React.useRef(null);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.toString();

  React.useEffect(() => {
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: "open" });
    const url = new URL(FRAGMENT);
    url.search = query;
    const request = new AbortController();
    fetch(url, { signal: request.signal })
      .then((response) => show(root, response))
      .catch((error) => {
        if (error.name !== "AbortError") root.textContent = `Wirewatch: ${error.message}`;
      });
    return () => request.abort();
  }, [query]);

  React.useEffect(() => {
    const root = host.current.shadowRoot;
    const onClick = (event) => {
      const link = event.target.closest("a");
      // a click with a modifier key does what the browser does with the link's href
      const plain = event.button === 0 && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey);
      if (!link || !plain) return;
      if (link.dataset.route) {
        event.preventDefault();
        navigate(link.dataset.route);
      } else if (link.dataset.sort) {
        event.preventDefault();
        setParams(new URLSearchParams(link.search));
      }
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [navigate, setParams]);

  return React.createElement("div", {
    id: "wirewatch-page",
    ref: host,
    style: { height: "100%", overflow: "auto" },
  });
}

globalThis.AirflowPlugin = WirewatchPage;
