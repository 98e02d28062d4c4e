/// The script the preview adds to every HTML page it serves, and nothing else: it listens to
/// the event stream, reloads the page when its own file changed, swaps stylesheets in place,
/// shows build errors over the page, and shows warnings in a corner panel that leaves the page usable.
enum LiveReloadScript {
    /// Adds the script tag before `</body>` (or at the end when there is none).
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let tag = Array(
            "<script src=\"\(PreviewRoute.internalPrefix)live.js\" data-generation=\"\(generation)\" defer></script>\n".utf8)
        let closing = Array("</body>".utf8)
        var result = html
        if let index = lastIndex(of: closing, in: html) {
            result.insert(contentsOf: tag, at: index)
        } else {
            result += tag
        }
        return result
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = haystack.count - needle.count
        while start >= 0 {
            if haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle { return start }
            start -= 1
        }
        return nil
    }

    static let source = """
        // Broadsheet preview: live reload, stylesheet swaps, the build-error overlay and the warnings panel.
        (() => {
          "use strict";
          const script = document.currentScript;
          const generation = Number(script && script.dataset.generation);
          const scrollKey = "broadsheet-preview-scroll";
          const overlayID = "broadsheet-preview-overlay";
          const warningsID = "broadsheet-preview-warnings";

          const saved = sessionStorage.getItem(scrollKey);
          if (saved) {
            sessionStorage.removeItem(scrollKey);
            const [path, x, y] = JSON.parse(saved);
            if (path === location.pathname) addEventListener("load", () => scrollTo(x, y));
          }

          function reload() {
            sessionStorage.setItem(scrollKey, JSON.stringify([location.pathname, scrollX, scrollY]));
            location.reload();
          }

          function swapStylesheets(paths) {
            for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
              const url = new URL(link.href, location.href);
              if (url.origin !== location.origin || !paths.includes(url.pathname)) continue;
              const fresh = link.cloneNode();
              url.searchParams.set("live", String(Date.now()));
              fresh.href = url.pathname + url.search;
              fresh.addEventListener("load", () => link.remove());
              link.after(fresh);
            }
            document.documentElement.dataset.broadsheetStylesheets = String(Date.now());
          }

          function showProblems(problem) {
            hideProblems();
            const box = document.createElement("div");
            box.id = overlayID;
            box.setAttribute("role", "alertdialog");
            box.setAttribute("aria-labelledby", overlayID + "-title");
            box.style.cssText = "all:initial;position:fixed;inset:0;z-index:2147483647;display:block;" +
              "background:rgba(20,20,20,.88);color:#f4f4f4;overflow:auto;padding:2rem;" +
              "font:15px/1.5 system-ui,sans-serif;box-sizing:border-box";
            const panel = document.createElement("div");
            panel.style.cssText = "max-width:60rem;margin:0 auto;background:#1d1f21;border-top:4px solid #e5484d;" +
              "padding:1.25rem 1.5rem;border-radius:6px;box-shadow:0 10px 40px rgba(0,0,0,.5)";
            const title = document.createElement("h2");
            title.id = overlayID + "-title";
            title.style.cssText = "margin:0 0 .25rem;font:600 1.25rem/1.3 system-ui,sans-serif;color:#ff8b8b";
            const count = problem.errorCount;
            title.textContent = "Broadsheet could not rebuild the site (" + count + (count === 1 ? " error)" : " errors)");
            const note = document.createElement("p");
            note.style.cssText = "margin:0 0 1rem;color:#c8c8c8";
            note.textContent = "The page shows the last good build. Fix the file and save: this message goes away by itself.";
            const report = document.createElement("pre");
            report.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word;" +
              "font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#f4f4f4";
            report.textContent = problem.report;
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = "Dismiss";
            close.style.cssText = "margin-top:1rem;font:inherit;padding:.35rem .9rem;border-radius:4px;" +
              "border:1px solid #777;background:#2b2d30;color:#f4f4f4;cursor:pointer";
            close.addEventListener("click", hideProblems);
            panel.append(title, note, report, close);
            box.append(panel);
            document.body.append(box);
          }

          function hideProblems() {
            const box = document.getElementById(overlayID);
            if (box) box.remove();
          }

          function showWarnings(warnings) {
            hideWarnings();
            if (!warnings.warningCount) return;
            const box = document.createElement("aside");
            box.id = warningsID;
            box.setAttribute("role", "status");
            box.setAttribute("aria-label", "Broadsheet build warnings");
            box.style.cssText = "all:initial;position:fixed;right:1rem;bottom:1rem;z-index:2147483646;display:block;" +
              "max-width:min(36rem,calc(100vw - 2rem));max-height:40vh;overflow:auto;box-sizing:border-box;" +
              "background:#1d1f21;color:#f4f4f4;border-left:4px solid #f5a524;border-radius:6px;padding:.75rem 1rem;" +
              "box-shadow:0 6px 24px rgba(0,0,0,.35);font:14px/1.45 system-ui,sans-serif";
            const title = document.createElement("strong");
            title.style.cssText = "display:block;margin:0 0 .35rem;color:#ffd28a;font:600 14px/1.3 system-ui,sans-serif";
            const count = warnings.warningCount;
            title.textContent = count + (count === 1 ? " warning" : " warnings") + " (the site still builds)";
            const report = document.createElement("pre");
            report.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word;" +
              "font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#f4f4f4";
            report.textContent = warnings.report;
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = "Hide";
            close.style.cssText = "margin-top:.5rem;font:inherit;padding:.2rem .7rem;border-radius:4px;" +
              "border:1px solid #777;background:#2b2d30;color:#f4f4f4;cursor:pointer";
            close.addEventListener("click", hideWarnings);
            box.append(title, report, close);
            document.body.append(box);
          }

          function hideWarnings() {
            const box = document.getElementById(warningsID);
            if (box) box.remove();
          }

          const here = location.pathname;
          const events = new EventSource("\(PreviewRoute.internalPrefix)events");
          events.addEventListener("hello", (event) => {
            if (JSON.parse(event.data).generation !== generation) reload();
          });
          events.addEventListener("reload", (event) => {
            const change = JSON.parse(event.data);
            if (change.all || change.paths.includes(here) || change.paths.includes(decodeURI(here))) reload();
          });
          events.addEventListener("stylesheets", (event) => swapStylesheets(JSON.parse(event.data).paths));
          events.addEventListener("problems", (event) => showProblems(JSON.parse(event.data)));
          events.addEventListener("resolved", hideProblems);
          events.addEventListener("warnings", (event) => showWarnings(JSON.parse(event.data)));
        })();

        """
}
