// tweetguard serve: checks the draft as it is typed and shows what the check found.
// Draft text is only ever put on the page as text (textContent, text nodes), never as HTML;
// the server's Content-Security-Policy makes the browser refuse HTML built from strings.
"use strict";

(() => {
  const DEBOUNCE_MS = 250; // after the last key: quick to answer, not a request per key
  const LABELS = { error: "Must change", warning: "Worth a second look", info: "Note" };
  const byId = (id) => document.getElementById(id);
  const form = {
    draft: byId("draft"), scheduled: byId("scheduled"), replyTo: byId("reply-to"), media: byId("media"),
  };
  const out = {
    count: byId("count"), verdict: byId("verdict"), timing: byId("timing"), previewBox: byId("preview-box"),
    preview: byId("preview"), problems: byId("problems"), notes: byId("notes"),
    correctedBox: byId("corrected-box"), corrected: byId("corrected"), copied: byId("copied"),
    previewHeading: byId("preview-heading"), still: byId("still"),
  };
  let timer = 0;
  let latest = 0; // only the answer to the latest request is shown
  let inFlight = null;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function request() {
    const occasion = document.querySelector("input[name=occasion]:checked");
    return {
      text: form.draft.value,
      scheduled: form.scheduled.value || null,
      occasion: occasion && occasion.value ? occasion.value : null,
      reply_to: form.replyTo.value.trim() || null,
      media: form.media.checked,
    };
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    const body = request();
    const mine = ++latest;
    if (inFlight) inFlight.abort();
    if (!body.text.trim()) {
      showNothing();
      return;
    }
    inFlight = new AbortController();
    let response, answer;
    try {
      response = await fetch("/api/desk", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body), signal: inFlight.signal,
      });
      answer = await response.json();
    } catch (error) {
      if (error.name !== "AbortError" && mine === latest) {
        showTrouble("tweetguard has stopped: start it again with 'tweetguard serve', then reload this page.");
      }
      return;
    }
    if (mine !== latest) return;
    if (response.ok) show(answer);
    else showTrouble(answer.error || "this draft could not be checked");
  }

  function clear() {
    out.timing.textContent = "";
    out.preview.replaceChildren();
    out.problems.replaceChildren();
    out.notes.replaceChildren();
    out.previewBox.hidden = true;
    out.correctedBox.hidden = true;
    out.copied.textContent = "";
    out.verdict.className = "verdict";
  }

  function showNothing() {
    clear();
    out.count.textContent = `0 of ${out.count.dataset.max || 280}`;
    out.verdict.textContent = "Type a draft to check it.";
  }

  function showTrouble(message) {
    clear();
    out.verdict.className = "verdict trouble";
    out.verdict.textContent = `Not checked: ${message}.`.replace(/\.\.$/, ".");
  }

  function show(answer) {
    clear();
    const draft = answer.report.drafts[0];
    showCount(answer.length);
    showVerdict(draft.violations, answer);
    showPreview(draft.text, draft.violations);
    draft.violations.forEach((violation, index) => {
      out.problems.append(problem(draft.text, violation, answer.advice[index]));
    });
    for (const note of draft.notes) out.notes.append(element("li", "note", note.message));
    if (answer.corrected !== null) {
      out.corrected.textContent = answer.corrected;
      const left = answer.left_after_correcting;
      out.still.textContent = left === 0 ? "" : left === 1
        ? "One point above still needs changing by hand."
        : `${left} points above still need changing by hand.`;
      out.correctedBox.hidden = false;
    }
  }

  function showCount(length) {
    out.count.dataset.max = length.max;
    out.count.textContent = `${length.weighted} of ${length.max}`;
    out.count.className = length.weighted > length.max ? "count over" : "count";
  }

  function showVerdict(violations, answer) {
    const has = (severity) => violations.some((v) => v.severity === severity);
    if (has("error")) {
      out.verdict.className = "verdict error";
      out.verdict.textContent = "Not ready to post: change what is marked below first.";
    } else if (has("warning")) {
      out.verdict.className = "verdict warning";
      out.verdict.textContent = "Ready to post after a second look: read the points below.";
    } else {
      out.verdict.className = "verdict ready";
      out.verdict.textContent = "Ready to post.";
    }
    const parts = [];
    if (answer.goes_out) parts.push(`It will go out ${answer.goes_out}.`);
    if (answer.in_the_past) parts.push("That time has already passed: check the date and time.");
    if (answer.may_go_out) parts.push(`It may go out from ${answer.may_go_out}.`);
    out.timing.textContent = parts.join(" ");
  }

  // Offsets from the server count code points; JavaScript strings count UTF-16 units, so
  // the text is cut as an array of code points.
  function showPreview(text, violations) {
    const chars = Array.from(text);
    const spans = violations.filter((v) => v.end > v.start);
    const cuts = new Set([0, chars.length]);
    for (const v of spans) { cuts.add(v.start); cuts.add(Math.min(v.end, chars.length)); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      let node = document.createTextNode(chars.slice(from, to).join(""));
      // Overlapping problems nest, so every marked piece names exactly one rule.
      const covering = spans.filter((v) => v.start <= from && v.end >= to).reverse();
      for (const v of covering) {
        const mark = element("mark", `highlight ${v.severity}`);
        mark.dataset.highlight = v.rule;
        mark.append(node);
        node = mark;
      }
      out.preview.append(node);
    }
    out.previewHeading.textContent = spans.length ? "Your draft, with the problem words marked" : "Your draft";
    out.previewBox.hidden = false;
  }

  function problem(text, violation, advice) {
    const item = element("li", `problem ${violation.severity}`);
    item.dataset.rule = violation.rule;
    const heading = element("p", "heading");
    heading.append(element("strong", "label", LABELS[violation.severity] || "Note"));
    if (violation.end > violation.start) {
      const words = Array.from(text).slice(violation.start, violation.end).join("");
      const shown = words.length > 80 ? `${words.slice(0, 77)}…` : words;
      heading.append(" ", element("span", "words", `“${shown}”`));
    }
    item.append(heading, element("p", "message", violation.message));
    if (advice && advice.write_instead !== null) {
      item.append(element("p", "advice", `Write instead: “${advice.write_instead}”`));
    }
    if (advice && advice.what_to_do) item.append(element("p", "advice", `What to do: ${advice.what_to_do}`));
    return item;
  }

  async function copyCorrected() {
    const text = out.corrected.textContent;
    try {
      await navigator.clipboard.writeText(text);
      out.copied.textContent = "Copied: paste it into the post.";
    } catch (error) {
      // No clipboard permission: select the text so that Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(out.corrected);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      out.copied.textContent = "Selected: press Ctrl+C (or ⌘C) to copy it.";
    }
  }

  function useCorrected() {
    form.draft.value = out.corrected.textContent;
    form.draft.focus();
    check();
  }

  form.draft.addEventListener("input", later);
  form.replyTo.addEventListener("input", later);
  for (const input of [form.scheduled, form.media, ...document.querySelectorAll("input[name=occasion]")]) {
    input.addEventListener("change", check);
  }
  byId("copy").addEventListener("click", copyCorrected);
  byId("use").addEventListener("click", useCorrected);
  if (form.draft.value.trim()) check(); // a draft the browser kept from before a reload
})();
