// Starts the window: reports the page's unexpected errors to the app's log
// and mounts the App component.

import { mount } from "svelte";
import App from "./App.svelte";
import { logUnexpectedErrors } from "./ipc";
import "./styles.css";

logUnexpectedErrors();

const target = document.getElementById("app");
if (!target) throw new Error("the page has no #app");
mount(App, { target });
