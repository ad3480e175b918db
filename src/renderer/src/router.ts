// Hash history: the same URLs work from file:// (Electron) and from the browser-mode server.
import { createRouter, createWebHashHistory } from 'vue-router'
import AccountView from './views/AccountView.vue'
import ChargesView from './views/ChargesView.vue'
import DeskView from './views/DeskView.vue'
import SettingsView from './views/SettingsView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'desk', component: DeskView },
    { path: '/account/:id', name: 'account', component: AccountView, props: true },
    { path: '/settings', name: 'settings', component: SettingsView },
    { path: '/charges', name: 'charges', component: ChargesView },
  ],
})
