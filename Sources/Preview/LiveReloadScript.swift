/// The small script `gazette serve` adds to every HTML page it serves (never to `gazette build`
/// output): it listens to the server's build events (server-sent events, `EventSource`),
/// reloads the page after each successful build, shows a build's errors over the page, in
/// French, until they are fixed, and a successful build's warnings in a banner at the foot of the
/// page (a misspelt `sumary:`, a dropped `<iframe>`: the page builds, but not as written). A hidden tab closes its stream (browsers allow six connections
/// per server: ten open tabs would otherwise stall page loads) and, shown again, reloads if a
/// build happened meanwhile.
enum LiveReloadScript {
    /// The path of the event stream.
    static let eventsPath = "/__gazette/events"

    /// Inserts the script before `</body>` (or at the end of a page that has none).
    static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }

    static let tag = """
    <script>
    (() => {
      const show = (message) => {
        let box = document.getElementById("gazette-erreurs");
        if (!message) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement("div");
          box.id = "gazette-erreurs";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#181818;color:#fff;"
            + "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;white-space:pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "";
        const title = document.createElement("h2");
        title.textContent = "La construction du site a échoué\\u00a0: corrigez le fichier, la page se mettra à jour.";
        title.style.cssText = "font:700 18px/1.4 system-ui,sans-serif;color:#ff8a80;margin:0 0 1rem";
        // Messages wrap; a quoted line and its caret never do, so that the caret stays under
        // its column (they scroll sideways on a narrow screen).
        const text = document.createElement("div");
        const lines = message.text.split("\\n").filter((line) => line !== "");
        for (let i = 0; i < lines.length; i++) {
          const quoted = i + 1 < lines.length && /^ *\\^$/.test(lines[i + 1]);
          const block = document.createElement(quoted ? "pre" : "p");
          block.textContent = quoted ? lines[i] + "\\n" + lines[i + 1] : lines[i];
          block.style.cssText = quoted ? "margin:0 0 1rem;font:inherit;white-space:pre;overflow-x:auto" : "margin:0;white-space:pre-wrap";
          text.append(block);
          if (quoted) i++;
        }
        box.append(title, text);
      };
      const warn = (warnings) => {
        let bar = document.getElementById("gazette-avertissements");
        if (bar) bar.remove();
        if (!warnings || warnings.length === 0) return;
        bar = document.createElement("aside");
        bar.id = "gazette-avertissements";
        bar.setAttribute("role", "status");
        bar.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483646;max-height:40vh;overflow:auto;background:#fff4d6;"
          + "color:#3d2e00;border-top:3px solid #c98a00;font:14px/1.45 system-ui,sans-serif;padding:.75rem 1rem;box-shadow:0 -2px 8px rgba(0,0,0,.2)";
        const head = document.createElement("p");
        head.style.cssText = "margin:0 0 .4rem;font-weight:700";
        head.textContent = (warnings.length === 1 ? "1 avertissement" : warnings.length + " avertissements")
          + "\\u00a0: la page est construite, mais pas tout à fait comme écrit.";
        const close = document.createElement("button");
        close.type = "button";
        close.textContent = "Masquer";
        close.style.cssText = "float:right;font:inherit;margin-left:1rem";
        close.onclick = () => bar.remove();
        const list = document.createElement("ul");
        list.style.cssText = "margin:0;padding-left:1.2rem";
        for (const warning of warnings.slice(0, 10)) {
          const item = document.createElement("li");
          const place = document.createElement("code");
          place.textContent = warning.file + ", ligne " + warning.line;
          item.append(place, " \\u2014 " + warning.message);
          list.append(item);
        }
        if (warnings.length > 10) {
          const more = document.createElement("li");
          more.textContent = "et " + (warnings.length - 10) + " autres\\u00a0: voir le terminal.";
          list.append(more);
        }
        bar.append(close, head, list);
        document.body.appendChild(bar);
      };
      let seen = null;
      let source = null;
      const connect = () => {
        source = new EventSource("\(eventsPath)");
        source.onmessage = (event) => {
          const message = JSON.parse(event.data);
          const first = seen === null;
          if (!first && message.generation <= seen) return;
          seen = message.generation;
          if (message.type === "error") { show(message); }
          else if (message.type === "reload" && !first) { location.reload(); }
          else { show(null); warn(message.warnings); }
        };
      };
      document.addEventListener("visibilitychange", () => {
        if (document.hidden) { if (source) source.close(); source = null; }
        else if (!source) { connect(); }
      });
      connect();
    })();
    </script>

    """
}
