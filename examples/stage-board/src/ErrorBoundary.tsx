// A last guard: if a part of the board fails on data the library accepted, the rest of the page stays and the worker
// is told, without the error's text (which can hold a client's name) reaching the screen or the console.
import { Component, type ReactNode } from "react";

interface Props {
  readonly children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main>
        <section role="alert" className="panel problems">
          <h2>This group's board could not be shown</h2>
          <p>
            Something in the record stopped the board. Open another record, or go back to the sample group; the
            library's checks (<code>groupwork validate</code>) say what in the record to look at.
          </p>
        </section>
      </main>
    );
  }
}
