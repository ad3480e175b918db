// Hash history: the same URLs work from file:// (Electron) and from the browser-mode server.
import { createRouter, createWebHashHistory } from 'vue-router'
import AccountView from './views/AccountView.vue'
import CashDeskView from './views/CashDeskView.vue'
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
    { path: '/cash', name: 'cash', component: CashDeskView },
    // Loaded when first opened: the data table and the report screens stay out of the start bundle.
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
    { path: '/appointments', name: 'appointments', component: () => import('./views/AppointmentsView.vue') },
    { path: '/sync', name: 'sync', component: () => import('./views/SyncView.vue') },
    {
      path: '/appointment-settings',
      name: 'appointment-settings',
      component: () => import('./views/AppointmentSettingsView.vue'),
    },
  ],
})
