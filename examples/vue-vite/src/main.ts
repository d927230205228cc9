import { createApp } from 'vue';
// Registers <jse-sign-request>; its types declare the element to Vue (GlobalComponents), so vue-tsc
// checks its props and @jse-… handlers in every template.
import 'jse-sign-request/vue';
import App from './App.vue';
import './app.css';

createApp(App).mount('#app');
