import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import "./styles.css";

function kindOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
// An error the board catches is logged by its kind only: its message can hold a client's name.
createRoot(root, {
  onCaughtError: (error) => console.error(`The stage board stopped a part of the page: ${kindOf(error)}.`),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
