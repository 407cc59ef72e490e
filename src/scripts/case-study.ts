/**
 * A case study's buttons: print the handout, the trainer notes or the inject cards, and present
 * the session on a projector. The page reads and prints without this script: the print choice is
 * a radio group the print styles read with :has(), and everything the slides show is on the page
 * in order. Loaded only by case-study pages.
 *
 * The presenter view shows one part of the session at a time (the scene, each phase of the
 * exercise with its injects, each audience's questions, the controls, the close), in large text,
 * full screen where the browser allows it (else over the whole window). Arrow keys, Page Up/Down
 * and the buttons move between slides; each slide has its own timer, whose target is the slide's
 * time in the chosen session plan; Escape leaves and puts focus back on the button that opened it.
 * Slides are the page's own elements marked data-slide="<n>" (cloned, never moved), so the slides
 * cannot say anything the page does not.
 */

export interface TimeSlot {
  from: number;
  to: number;
}

/** Reads "30:0-5 60:0-10" (session length: from-to minutes) into slots by session length. */
export function parseTimes(text: string | undefined): Map<number, TimeSlot> {
  const slots = new Map<number, TimeSlot>();
  for (const part of (text ?? '').split(/\s+/)) {
    const match = /^(\d+):(\d+)-(\d+)$/.exec(part);
    if (match) slots.set(Number(match[1]), { from: Number(match[2]), to: Number(match[3]) });
  }
  return slots;
}

/** Seconds as a clock: 0:00, 4:05, 12:30, 1:02:03. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export interface Slide {
  number: number;
  title: string;
  times: Map<number, TimeSlot>;
  parts: HTMLElement[];
}

/** The slides marked on the page, in slide order; parts with the same number make one slide. */
export function collectSlides(root: ParentNode): Slide[] {
  const slides = new Map<number, Slide>();
  for (const part of root.querySelectorAll<HTMLElement>('[data-slide]')) {
    const number = Number(part.dataset.slide);
    if (!Number.isInteger(number)) continue;
    let slide = slides.get(number);
    if (!slide) slides.set(number, (slide = { number, title: '', times: new Map(), parts: [] }));
    if (!slide.title && part.dataset.slideTitle) slide.title = part.dataset.slideTitle;
    if (slide.times.size === 0 && part.dataset.times) slide.times = parseTimes(part.dataset.times);
    slide.parts.push(part);
  }
  return [...slides.values()].sort((a, b) => a.number - b.number);
}

/** A part as a slide shows it: a copy without ids, hidden prompts shown, page-only bits left out. */
function slideCopy(part: HTMLElement): HTMLElement {
  const clone = part.cloneNode(true) as HTMLElement;
  // A list item of the page (a phase) is a slide of its own, not an item of a list.
  const copy = clone.tagName === 'LI' ? element('div', { class: clone.className }) : clone;
  if (copy !== clone) copy.append(...clone.childNodes);
  for (const el of [copy, ...copy.querySelectorAll<HTMLElement>('*')]) {
    el.removeAttribute('id');
    el.removeAttribute('data-slide');
    if (el.hasAttribute('hidden')) el.hidden = false;
  }
  for (const skip of copy.querySelectorAll('[data-slide-skip]')) skip.remove();
  return copy;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function startPrintButtons(doc: Document): void {
  const choice = doc.querySelector<HTMLElement>('[data-print-choice]');
  const radio = (value: string) => doc.querySelector<HTMLInputElement>(`input[name="print"][value="${value}"]`);
  for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-print]')) {
    button.addEventListener('click', () => {
      const chosen = radio(button.dataset.print ?? '');
      if (chosen) chosen.checked = true;
      window.print();
    });
  }
  // After a button's print, the browser's own print gives the handout again.
  window.addEventListener('afterprint', () => {
    const handout = radio('handout');
    if (handout) handout.checked = true;
  });
  if (choice) choice.hidden = true;
}

function startPresenter(doc: Document, opener: HTMLButtonElement, config: HTMLElement): void {
  const slides = collectSlides(doc);
  if (slides.length === 0) {
    opener.hidden = true;
    return;
  }
  const lengths = (config.dataset.lengths ?? '').split(/\s+/).filter(Boolean).map(Number);
  let length = Number(config.dataset.defaultLength) || lengths[0] || 0;
  let index = 0;
  const elapsed = slides.map(() => 0);
  let ticking: number | undefined;
  let startedAt = 0;
  let overlay: HTMLElement | undefined;
  let madeInert: Element[] = [];

  const targetSeconds = () => {
    const slot = slides[index]!.times.get(length);
    return slot ? (slot.to - slot.from) * 60 : undefined;
  };
  const currentElapsed = () => elapsed[index]! + (ticking !== undefined ? (Date.now() - startedAt) / 1000 : 0);

  function build(): HTMLElement {
    const root = element('div', { class: 'presenter', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'presenter-title' });
    const bar = element('div', { class: 'presenter-bar' });
    const position = element('p', { class: 'presenter-position' });
    const sessionLabel = element('label', { class: 'presenter-session' }, 'Session ');
    const select = element('select', { 'data-presenter-length': '' });
    for (const minutes of lengths) {
      const option = element('option', { value: String(minutes) }, `${minutes} minutes`);
      option.selected = minutes === length;
      select.append(option);
    }
    sessionLabel.append(select);
    const timer = element('div', { class: 'presenter-timer', role: 'group', 'aria-label': 'Timer for this slide' });
    const clock = element('p', { class: 'presenter-clock', 'data-presenter-clock': '' });
    const toggle = element('button', { type: 'button', 'data-timer-toggle': '' }, 'Start timer');
    const reset = element('button', { type: 'button', 'data-timer-reset': '' }, 'Reset timer');
    timer.append(clock, toggle, reset);
    const exit = element('button', { type: 'button', class: 'presenter-exit', 'data-presenter-exit': '' }, 'Exit (Esc)');
    bar.append(position, sessionLabel, timer, exit);
    const slide = element('section', { class: 'presenter-slide', 'aria-labelledby': 'presenter-title' });
    const when = element('p', { class: 'presenter-when' });
    const heading = element('h2', { id: 'presenter-title', class: 'presenter-title' });
    const body = element('div', { class: 'presenter-body' });
    slide.append(when, heading, body);
    const nav = element('div', { class: 'presenter-nav' });
    const previous = element('button', { type: 'button', 'data-presenter-previous': '' }, 'Previous');
    const next = element('button', { type: 'button', class: 'button-primary', 'data-presenter-next': '' }, 'Next');
    nav.append(previous, next);
    const status = element('p', { class: 'visually-hidden', role: 'status' });
    root.append(bar, slide, nav, status);

    const render = (announce: boolean) => {
      const current = slides[index]!;
      position.textContent = `Slide ${index + 1} of ${slides.length}`;
      heading.textContent = current.title;
      const slot = current.times.get(length);
      when.textContent = slot ? `${slot.from}–${slot.to} min of the ${length}-minute session` : `Not timed in the ${length}-minute session`;
      body.replaceChildren(...current.parts.map(slideCopy));
      previous.disabled = index === 0;
      next.disabled = index === slides.length - 1;
      showClock();
      if (announce) status.textContent = `Slide ${index + 1} of ${slides.length}: ${current.title}`;
    };
    const showClock = () => {
      const target = targetSeconds();
      const spent = currentElapsed();
      const over = target !== undefined && spent >= target;
      clock.textContent = `${formatClock(spent)}${target !== undefined ? ` of ${formatClock(target)}` : ''}${over ? ': time is up' : ''}`;
      clock.classList.toggle('is-over', over);
      toggle.textContent = ticking !== undefined ? 'Pause timer' : spent > 0 ? 'Resume timer' : 'Start timer';
    };
    const pause = () => {
      if (ticking === undefined) return;
      elapsed[index] = currentElapsed();
      window.clearInterval(ticking);
      ticking = undefined;
    };
    const go = (to: number) => {
      if (to < 0 || to >= slides.length || to === index) return;
      pause();
      index = to;
      render(true);
    };
    toggle.addEventListener('click', () => {
      if (ticking !== undefined) pause();
      else {
        startedAt = Date.now();
        ticking = window.setInterval(showClock, 250);
      }
      showClock();
    });
    reset.addEventListener('click', () => {
      pause();
      elapsed[index] = 0;
      showClock();
    });
    select.addEventListener('change', () => {
      length = Number(select.value);
      render(false);
    });
    previous.addEventListener('click', () => go(index - 1));
    next.addEventListener('click', () => go(index + 1));
    exit.addEventListener('click', () => close());
    root.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const onControl = (event.target as HTMLElement).closest('select');
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (!onControl && (event.key === 'ArrowRight' || event.key === 'PageDown')) {
        event.preventDefault();
        go(index + 1);
      } else if (!onControl && (event.key === 'ArrowLeft' || event.key === 'PageUp')) {
        event.preventDefault();
        go(index - 1);
      } else if (!onControl && event.key === 'Home') {
        event.preventDefault();
        go(0);
      } else if (!onControl && event.key === 'End') {
        event.preventDefault();
        go(slides.length - 1);
      }
    });
    render(false);
    return root;
  }

  function open(): void {
    if (overlay) return;
    overlay = build();
    madeInert = [...doc.body.children].filter((child) => !child.hasAttribute('inert'));
    for (const child of madeInert) child.setAttribute('inert', '');
    doc.body.append(overlay);
    doc.documentElement.classList.add('is-presenting');
    overlay.querySelector<HTMLButtonElement>('[data-presenter-next]')?.focus();
    // Full screen where the browser allows it; the overlay already covers the window if not.
    overlay.requestFullscreen?.().catch(() => undefined);
  }

  function close(): void {
    if (!overlay) return;
    if (ticking !== undefined) {
      elapsed[index] = currentElapsed();
      window.clearInterval(ticking);
      ticking = undefined;
    }
    const closing = overlay;
    overlay = undefined;
    if (doc.fullscreenElement) doc.exitFullscreen().catch(() => undefined);
    closing.remove();
    for (const child of madeInert) child.removeAttribute('inert');
    madeInert = [];
    doc.documentElement.classList.remove('is-presenting');
    opener.focus();
  }

  // Escape in a browser's full screen leaves full screen before the page sees the key: leave the presenter too.
  doc.addEventListener('fullscreenchange', () => {
    if (!doc.fullscreenElement && overlay) close();
  });
  opener.addEventListener('click', open);
}

export function startCaseStudy(doc: Document): void {
  const buttons = doc.querySelector<HTMLElement>('[data-case-buttons]');
  if (!buttons) return;
  startPrintButtons(doc);
  const opener = buttons.querySelector<HTMLButtonElement>('[data-present]');
  const config = doc.querySelector<HTMLElement>('[data-presenter]');
  if (opener && config) startPresenter(doc, opener, config);
  buttons.hidden = false;
}
