// The room page: join a round, answer it, follow its phase. Plain JavaScript, no framework,
// no external resources; every URL is relative so the page works under its token path.
"use strict";

(function () {
  const POLL_MS = 3000;
  const STORE = "pbsm-room:" + location.pathname;

  const $ = (id) => document.getElementById(id);
  let question = null; // the WireQuestion
  let pid = null; // this phone's participant id
  let phase = "open";
  let value = null; // the answer being edited, per kind
  let sending = false;
  let pollTimer = null;
  let resultsShown = "";
  let missedPolls = 0; // polls in a row that did not reach the workbench

  // ---- small helpers -------------------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children || []) {
      if (c !== null && c !== undefined) node.append(c);
    }
    return node;
  }

  function itemsOf(q) {
    return q.kind === "pairwise" ? q.criteria : q.items;
  }

  function nameOf(key) {
    const found = itemsOf(question).find((i) => i.key === key);
    return found ? found.name : key;
  }

  function number(n) {
    const r = Math.round(n * 10) / 10;
    return String(r);
  }

  function remember(id) {
    try {
      if (id) localStorage.setItem(STORE, id);
      else localStorage.removeItem(STORE);
    } catch (e) {
      // Private mode: the phone joins again after a reload.
    }
  }

  function remembered() {
    try {
      return localStorage.getItem(STORE);
    } catch (e) {
      return null;
    }
  }

  // Fetches JSON; resolves to {status, body} where body is the parsed JSON or {error: text}.
  async function call(path, options) {
    let response;
    try {
      response = await fetch(path, Object.assign({ cache: "no-store", credentials: "same-origin" }, options || {}));
    } catch (e) {
      return { status: 0, body: { error: "The workbench could not be reached: the round may have closed, or this phone has left the room's network. What you entered is kept here; try again." } };
    }
    const text = await response.text();
    let body;
    try {
      body = text ? JSON.parse(text) : {};
    } catch (e) {
      body = { error: text.trim() || "The workbench answered " + response.status + "." };
    }
    if (!response.ok && (!body || typeof body.error !== "string")) {
      body = { error: "The workbench answered " + response.status + "." };
    }
    return { status: response.status, body: body };
  }

  function post(path, data) {
    return call(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data),
    });
  }

  function sentence(text) {
    if (!text) return text;
    const t = text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(t) ? t : t + ".";
  }

  // ---- the answer being edited ---------------------------------------------------------

  function freshValue() {
    const q = question;
    switch (q.kind) {
      case "dots":
      case "points":
      case "scale": {
        const v = {};
        for (const i of q.items) v[i.key] = q.kind === "scale" ? null : 0;
        return v;
      }
      case "ranking":
        return q.items.map((i) => i.key);
      case "placing": {
        const v = {};
        const mid = q.placing_max / 2;
        for (const i of q.items) v[i.key] = { quality: mid, risk: mid, skip: false };
        return v;
      }
      case "pairwise": {
        const v = [];
        const c = q.criteria;
        for (let a = 0; a < c.length; a++) {
          for (let b = a + 1; b < c.length; b++) v.push({ first: c[a].key, second: c[b].key, judgment: 1 });
        }
        return v;
      }
      default:
        return null;
    }
  }

  // Puts a previous answer (its wire form) into the editor.
  function restore(answer) {
    const q = question;
    const body = answer && answer[q.kind];
    if (body === undefined || body === null) return;
    const v = freshValue();
    switch (q.kind) {
      case "dots":
      case "points":
      case "scale":
        for (const k of Object.keys(v)) if (k in body) v[k] = body[k];
        break;
      case "ranking": {
        const known = body.filter((k) => k in Object.fromEntries(q.items.map((i) => [i.key, 1])));
        const rest = v.filter((k) => !known.includes(k));
        value = known.concat(rest);
        return;
      }
      case "placing":
        for (const k of Object.keys(v)) {
          if (k in body) v[k] = { quality: body[k].quality, risk: body[k].risk, skip: false };
          else v[k].skip = true;
        }
        break;
      case "pairwise":
        for (const pair of v) {
          const j = body.find((x) => (x.first === pair.first && x.second === pair.second) || (x.first === pair.second && x.second === pair.first));
          if (!j) continue;
          let n = j.judgment;
          if (j.first !== pair.first && n !== 1) n = -n;
          pair.judgment = n;
        }
        break;
    }
    value = v;
  }

  function wireAnswer() {
    const q = question;
    switch (q.kind) {
      case "dots":
      case "points": {
        const out = {};
        for (const i of q.items) if (value[i.key] > 0) out[i.key] = value[i.key];
        return { [q.kind]: out };
      }
      case "ranking":
        return { ranking: value.slice() };
      case "scale": {
        const out = {};
        for (const i of q.items) out[i.key] = value[i.key];
        return { scale: out };
      }
      case "placing": {
        const out = {};
        for (const i of q.items) {
          const p = value[i.key];
          if (!p.skip) out[i.key] = { quality: p.quality, risk: p.risk };
        }
        return { placing: out };
      }
      case "pairwise":
        return { pairwise: value.map((p) => ({ first: p.first, second: p.second, judgment: p.judgment })) };
    }
    return {};
  }

  // Whether the answer may be sent, and the line under the controls.
  function status() {
    const q = question;
    switch (q.kind) {
      case "dots": {
        const used = Object.values(value).reduce((a, b) => a + b, 0);
        const left = q.dots_each - used;
        return { ready: used > 0 && left >= 0, text: left + " of " + q.dots_each + " dots left", over: left < 0 };
      }
      case "points": {
        const used = Object.values(value).reduce((a, b) => a + b, 0);
        const left = q.budget - used;
        if (left < 0) return { ready: false, text: -left + " points too many: take some away", over: true };
        return { ready: left === 0, text: left + " of " + q.budget + " points left", over: false };
      }
      case "ranking":
        return { ready: true, text: "", over: false };
      case "scale": {
        const rated = Object.values(value).filter((v) => v !== null).length;
        return { ready: rated > 0, text: rated + " of " + q.items.length + " rated", over: false };
      }
      case "placing": {
        const placed = Object.values(value).filter((p) => !p.skip).length;
        return { ready: placed > 0, text: placed + " of " + q.items.length + " placed", over: false };
      }
      case "pairwise":
        return { ready: value.length > 0, text: "", over: false };
    }
    return { ready: false, text: "", over: false };
  }

  function refreshStatus() {
    const s = status();
    const counter = $("counter");
    counter.textContent = s.text;
    counter.classList.toggle("over", s.over);
    $("send").disabled = sending || phase === "closed" || !s.ready;
  }

  function edited() {
    $("sent").replaceChildren();
    refreshStatus();
  }

  // ---- the controls per kind -----------------------------------------------------------

  function renderControls() {
    const box = $("controls");
    const render = { dots: renderDots, points: renderPoints, ranking: renderRanking, scale: renderScale, placing: renderPlacing, pairwise: renderPairwise }[question.kind];
    box.replaceChildren();
    if (!render) {
      box.append(el("p", { class: "error", text: "This page does not know rounds of the kind \u201c" + question.kind + "\u201d." }));
      return;
    }
    render(box);
    refreshStatus();
    setDisabled(phase === "closed");
  }

  function renderDots(box) {
    for (const item of question.items) {
      const count = el("output", { class: "count", "aria-live": "polite", text: String(value[item.key]) });
      const change = (d) => () => {
        const used = Object.values(value).reduce((a, b) => a + b, 0);
        const next = value[item.key] + d;
        if (next < 0 || (d > 0 && used >= question.dots_each)) return;
        value[item.key] = next;
        count.textContent = String(next);
        edited();
      };
      box.append(
        el("div", { class: "item row" }, [
          el("span", { class: "grow item-name", text: item.name }),
          el("button", { type: "button", "aria-label": "One dot less on " + item.name, text: "\u2212", onclick: change(-1) }),
          count,
          el("button", { type: "button", "aria-label": "One dot more on " + item.name, text: "+", onclick: change(1) }),
        ])
      );
    }
  }

  function renderPoints(box) {
    question.items.forEach((item, n) => {
      const id = "points-" + n;
      const input = el("input", { id: id, type: "number", inputmode: "numeric", min: 0, max: question.budget, step: 1, value: String(value[item.key]) });
      const set = (v) => {
        v = Math.max(0, Math.min(question.budget, Math.round(Number.isFinite(v) ? v : 0)));
        value[item.key] = v;
        input.value = String(v);
        edited();
      };
      input.addEventListener("input", () => {
        const v = input.value === "" ? 0 : Number(input.value);
        value[item.key] = Number.isFinite(v) ? Math.max(0, Math.min(question.budget, Math.round(v))) : 0;
        edited();
      });
      input.addEventListener("change", () => set(Number(input.value)));
      box.append(
        el("div", { class: "item" }, [
          el("label", { class: "item-name", for: id, text: item.name }),
          el("div", { class: "row" }, [
            el("button", { type: "button", "aria-label": "10 points less on " + item.name, text: "\u221210", onclick: () => set(value[item.key] - 10) }),
            input,
            el("button", { type: "button", "aria-label": "10 points more on " + item.name, text: "+10", onclick: () => set(value[item.key] + 10) }),
          ]),
        ])
      );
    });
  }

  function renderRanking(box, focusKey, focusDir) {
    const list = el("ol", { class: "ranking", "aria-label": "Your order, best first" });
    const move = (index, d) => () => {
      const to = index + d;
      if (to < 0 || to >= value.length) return;
      const [key] = value.splice(index, 1);
      value.splice(to, 0, key);
      box.replaceChildren();
      renderRanking(box, key, d);
      edited();
    };
    value.forEach((key, index) => {
      const name = nameOf(key);
      const up = el("button", { type: "button", "aria-label": "Move " + name + " up", text: "\u2191", disabled: index === 0, onclick: move(index, -1) });
      const down = el("button", { type: "button", "aria-label": "Move " + name + " down", text: "\u2193", disabled: index === value.length - 1, onclick: move(index, 1) });
      list.append(
        el("li", { class: "item row" + (key === focusKey ? " moved" : ""), "data-key": key }, [
          el("span", { class: "place", text: index + 1 + "." }),
          el("span", { class: "grow item-name", text: name }),
          up,
          down,
        ])
      );
      if (key === focusKey) {
        const target = focusDir < 0 ? (up.disabled ? down : up) : down.disabled ? up : down;
        setTimeout(() => target.focus(), 0);
      }
    });
    box.append(list);
  }

  function renderScale(box) {
    const max = question.scale_max;
    question.items.forEach((item, n) => {
      const legendId = "scale-" + n;
      const buttons = [];
      const mark = () => {
        for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.v === String(value[item.key])));
      };
      const choose = (v) => () => {
        value[item.key] = v;
        mark();
        edited();
      };
      for (let v = 1; v <= max; v++) {
        buttons.push(el("button", { type: "button", "data-v": v, "aria-label": item.name + ": " + v + " of " + max, text: String(v), onclick: choose(v) }));
      }
      buttons.push(el("button", { type: "button", class: "skip", "data-v": "null", "aria-label": "Skip " + item.name, text: "Skip", onclick: choose(null) }));
      mark();
      box.append(
        el("fieldset", { class: "item", "aria-labelledby": legendId }, [
          el("legend", { id: legendId, text: item.name }),
          el("div", { class: "choices" }, buttons),
        ])
      );
    });
  }

  function renderPlacing(box) {
    const max = question.placing_max;
    question.items.forEach((item, n) => {
      const p = value[item.key];
      const card = el("fieldset", { class: "item" + (p.skip ? " skipped" : "") });
      card.append(el("legend", { text: item.name }));
      const sliders = [];
      const axis = (field, label, short) => {
        const id = "place-" + field + "-" + n;
        const shown = el("span", { class: "value", text: number(p[field]) });
        const input = el("input", {
          id: id,
          type: "range",
          min: 0,
          max: max,
          step: 0.5,
          value: String(p[field]),
          "aria-label": short + " of " + item.name,
          disabled: p.skip,
        });
        input.addEventListener("input", () => {
          p[field] = Number(input.value);
          shown.textContent = number(p[field]);
          input.setAttribute("aria-valuetext", number(p[field]));
          edited();
        });
        sliders.push(input);
        return el("div", { class: "axis" }, [el("label", { for: id }, [label + ": ", shown]), input]);
      };
      card.append(axis("quality", "Competitive quality (0 weak \u2013 10 strong)", "Competitive quality"));
      card.append(axis("risk", "Risk (0 low \u2013 10 high)", "Risk"));
      const skipId = "place-skip-" + n;
      const skip = el("input", { id: skipId, type: "checkbox", checked: p.skip, "aria-label": "Not sure, skip " + item.name });
      skip.addEventListener("change", () => {
        p.skip = skip.checked;
        card.classList.toggle("skipped", p.skip);
        for (const s of sliders) s.disabled = p.skip;
        edited();
      });
      card.append(el("label", { class: "check", for: skipId }, [skip, "Not sure, skip"]));
      box.append(card);
    });
  }

  // The 17 steps of a pairwise choice, second far more … equal … first far more.
  const JUDGMENTS = [-9, -8, -7, -6, -5, -4, -3, -2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

  function judgmentWords(first, second, n) {
    if (n === 1) return "Both matter equally";
    const name = n > 0 ? first : second;
    return name + " matters " + Math.abs(n) + "\u00d7 more";
  }

  function renderPairwise(box) {
    value.forEach((pair, n) => {
      const a = nameOf(pair.first);
      const b = nameOf(pair.second);
      const id = "pair-" + n;
      const select = el(
        "select",
        { id: id, "aria-label": a + " against " + b },
        JUDGMENTS.map((j) => el("option", { value: j, text: judgmentWords(a, b, j), selected: j === pair.judgment }))
      );
      // The select may cut a long name; the line under it says the choice in full.
      const meaning = el("p", { class: "meaning", "aria-hidden": "true", text: judgmentWords(a, b, pair.judgment) });
      select.addEventListener("change", () => {
        pair.judgment = Number(select.value);
        meaning.textContent = judgmentWords(a, b, pair.judgment);
        edited();
      });
      box.append(
        el("div", { class: "item" }, [
          el("label", { class: "versus", for: id }, [a, el("span", { class: "note", text: " vs " }), b]),
          select,
          meaning,
        ])
      );
    });
  }

  function setDisabled(off) {
    for (const c of $("controls").querySelectorAll("button, input, select")) {
      if (off) c.disabled = true;
    }
    if (!off) {
      // Re-enable by drawing again (keeps the per-control rules, such as the first ↑).
      return;
    }
    $("send").disabled = true;
  }

  // ---- sending ---------------------------------------------------------------------------

  async function send(event) {
    event.preventDefault();
    if (sending || !pid) return;
    const s = status();
    if (!s.ready) {
      $("send-error").textContent = s.text ? "Not yet: " + s.text + "." : "Nothing answered yet.";
      return;
    }
    sending = true;
    $("send-error").textContent = "";
    $("sent").replaceChildren();
    $("send").textContent = "Sending\u2026";
    refreshStatus();
    const r = await call("api/answer/" + encodeURIComponent(pid), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(wireAnswer()),
    });
    sending = false;
    $("send").textContent = "Send";
    if (r.status === 200 && r.body && r.body.ok) {
      const message = sentence(r.body.message || "Your answer is in");
      const lines = [el("p", { class: "ok", text: message })];
      // The server's message may already say it; say it once.
      if (!/until the round closes/i.test(message)) {
        lines.push(el("p", { class: "note", text: "You can change your answer until the round closes." }));
      }
      $("sent").replaceChildren(...lines);
    } else {
      $("send-error").textContent = sentence(r.body.error);
      if (r.status === 404) forget("This phone is no longer in the round (it was opened again). Join again; your answer is kept on this page.");
      if (r.status === 409) poll();
    }
    refreshStatus();
  }

  // ---- phase and results -------------------------------------------------------------------

  function showPhase(next) {
    phase = next;
    const line = $("phase");
    if (phase === "revealed") line.textContent = "The answers are revealed.";
    else if (phase === "closed") line.textContent = "The round is closed. Thank you.";
    else line.textContent = "";
    if (phase === "closed") setDisabled(true);
    refreshStatus();
    if (phase === "revealed" || phase === "closed") loadResults();
    else $("results").hidden = true;
  }

  async function loadResults() {
    const r = await call("api/results");
    if (r.status !== 200 || !r.body || !Array.isArray(r.body.answers)) return;
    const key = JSON.stringify(r.body.answers);
    if (key === resultsShown) return;
    resultsShown = key;
    renderResults(r.body.answers);
  }

  function renderResults(answers) {
    const q = question;
    const mine = answers.map((a) => a.answer && a.answer[q.kind]).filter((x) => x !== undefined && x !== null);
    $("results").hidden = false;
    $("results-note").textContent = mine.length === 1 ? "1 answer." : mine.length + " answers.";
    const rows = [];
    let head;
    const byItem = (f) => q.items.map((i) => [i.name].concat(f(i.key)));
    switch (q.kind) {
      case "dots":
        head = ["Item", "Dots"];
        rows.push(...byItem((k) => [mine.reduce((s, a) => s + (a[k] || 0), 0)]).sort((x, y) => y[1] - x[1]));
        break;
      case "points":
        head = ["Item", "Points", "Mean"];
        rows.push(
          ...byItem((k) => {
            const t = mine.reduce((s, a) => s + (a[k] || 0), 0);
            return [t, mine.length ? number(t / mine.length) : "\u2013"];
          }).sort((x, y) => y[1] - x[1])
        );
        break;
      case "ranking":
        head = ["Item", "Mean place"];
        rows.push(
          ...byItem((k) => {
            const places = mine.map((a) => a.indexOf(k)).filter((p) => p >= 0);
            return [places.length ? places.reduce((s, p) => s + p + 1, 0) / places.length : Infinity];
          })
            .sort((x, y) => x[1] - y[1])
            .map((r) => [r[0], Number.isFinite(r[1]) ? number(r[1]) : "\u2013"])
        );
        break;
      case "scale":
        head = ["Item", "Mean", "Rated"];
        rows.push(
          ...byItem((k) => {
            const v = mine.map((a) => a[k]).filter((x) => typeof x === "number");
            return [v.length ? v.reduce((s, x) => s + x, 0) / v.length : -1, v.length];
          })
            .sort((x, y) => y[1] - x[1])
            .map((r) => [r[0], r[1] >= 0 ? number(r[1]) : "\u2013", r[2]])
        );
        break;
      case "placing":
        head = ["Alternative", "Quality", "Risk"];
        rows.push(
          ...byItem((k) => {
            const v = mine.map((a) => a[k]).filter((x) => x);
            const mean = (f) => (v.length ? number(v.reduce((s, x) => s + x[f], 0) / v.length) : "\u2013");
            return [mean("quality"), mean("risk")];
          })
        );
        break;
      case "pairwise": {
        head = ["Pair", "The room's view"];
        for (const pair of value) {
          const logs = [];
          for (const a of mine) {
            const j = a.find((x) => (x.first === pair.first && x.second === pair.second) || (x.first === pair.second && x.second === pair.first));
            if (!j) continue;
            let ratio = j.judgment >= 1 ? j.judgment : 1 / -j.judgment;
            if (j.first !== pair.first) ratio = 1 / ratio;
            logs.push(Math.log(ratio));
          }
          const a = nameOf(pair.first);
          const b = nameOf(pair.second);
          let words = "\u2013";
          if (logs.length) {
            const g = Math.exp(logs.reduce((s, x) => s + x, 0) / logs.length);
            words = Math.abs(Math.log(g)) < 0.05 ? "Both matter equally" : g > 1 ? a + " matters " + number(g) + "\u00d7 more" : b + " matters " + number(1 / g) + "\u00d7 more";
          }
          rows.push([a + " vs " + b, words]);
        }
        break;
      }
      default:
        head = ["Item"];
    }
    const table = el("table", {}, [
      el("thead", {}, [el("tr", {}, head.map((h, i) => el("th", { scope: "col", class: i > 0 && q.kind !== "pairwise" ? "num" : null, text: h })))]),
      el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c, i) => el("td", { class: i > 0 && q.kind !== "pairwise" ? "num" : null, text: String(c) }))))),
    ]);
    $("summary").replaceChildren(table);
  }

  async function poll() {
    if (!pid) return;
    const r = await call("api/me/" + encodeURIComponent(pid));
    if (r.status === 404) {
      forget("The round was opened again. Join again to answer; what you entered is kept on this page.");
      return;
    }
    if (r.status === 0) {
      missedPolls += 1;
      if (missedPolls >= 2 && phase !== "closed") {
        $("phase").textContent = "The workbench cannot be reached right now (the round may have closed). Your answer, if sent, is kept.";
      }
      return;
    }
    missedPolls = 0;
    if (r.status === 200 && r.body && r.body.progress) showPhase(r.body.progress.phase);
  }

  function startPolling() {
    if (pollTimer === null) pollTimer = setInterval(poll, POLL_MS);
  }

  // ---- joining -----------------------------------------------------------------------------

  function forget(why) {
    pid = null;
    remember(null);
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
    showJoin(why);
  }

  function showJoin(note) {
    $("answer").hidden = true;
    $("join").hidden = false;
    $("name-row").hidden = !question.named;
    $("join-note").textContent = note || (question.named ? "" : "This round is anonymous: nobody sees who answered what.");
    $("join-button").textContent = question.named ? "Join" : "Join the round";
    $("join-button").disabled = phase === "closed";
    if (phase === "closed") $("join-error").textContent = "The round is closed. Thank you.";
  }

  async function join(event) {
    event.preventDefault();
    const name = question.named ? $("name").value.trim() : "";
    if (question.named && !name) {
      $("join-error").textContent = "Please give your name.";
      $("name").focus();
      return;
    }
    $("join-error").textContent = "";
    $("join-button").disabled = true;
    const r = await post("api/join", { name: name });
    $("join-button").disabled = false;
    if (r.status !== 200 || !r.body || typeof r.body.participant !== "string") {
      $("join-error").textContent = sentence(r.body.error || "Joining failed.");
      return;
    }
    pid = r.body.participant;
    remember(pid);
    showAnswer(r.body.name);
    startPolling();
    poll();
  }

  function showAnswer(name) {
    $("join").hidden = true;
    $("answer").hidden = false;
    $("who").textContent = question.named ? "Answering as " + name + "." : "You are " + name + " (anonymous).";
    $("how").textContent = question.how;
    if (value === null) value = freshValue();
    renderControls();
  }

  // ---- start -------------------------------------------------------------------------------

  async function start() {
    $("join-form").addEventListener("submit", join);
    $("answer-form").addEventListener("submit", send);
    const r = await call("api/round");
    if (r.status !== 200 || !r.body || !r.body.question) {
      $("question").textContent = "The round could not be loaded";
      $("loading-error").textContent = sentence(r.body.error || "Reload the page to try again.");
      return;
    }
    question = r.body.question;
    phase = (r.body.progress && r.body.progress.phase) || "open";
    $("question").textContent = question.question;
    $("kind").textContent = question.kind_label;
    document.title = question.question;
    const saved = remembered();
    if (saved) {
      const me = await call("api/me/" + encodeURIComponent(saved));
      if (me.status === 200 && me.body) {
        pid = saved;
        value = freshValue();
        if (me.body.answer) restore(me.body.answer);
        showAnswer(me.body.name);
        if (me.body.answer) $("sent").replaceChildren(el("p", { class: "note", text: "Your answer is in. You can change it until the round closes." }));
        if (me.body.progress) showPhase(me.body.progress.phase);
        startPolling();
        return;
      }
      if (me.status === 404) remember(null);
    }
    showJoin(saved ? "The round was opened again since this phone joined. Join again to answer." : "");
  }

  start();
})();
