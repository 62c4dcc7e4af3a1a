// The plain frame of the door's setup steps: a title, the language switch and the content.
import type { ComponentChildren } from 'preact';
import { LangToggle } from '../../components/LangToggle';

/** A centred, single-column step with a heading. */
export function DoorFrame(props: { title: string; children: ComponentChildren }) {
  return (
    <main class="page door-step">
      <header class="door-step-head">
        <h1>{props.title}</h1>
        <LangToggle />
      </header>
      {props.children}
    </main>
  );
}

/** An error said in words, announced to screen readers. */
export function Problem(props: { message: string; id?: string }) {
  return (
    <p class="notice problem" role="alert" id={props.id} data-testid="door-problem">
      {props.message}
    </p>
  );
}
