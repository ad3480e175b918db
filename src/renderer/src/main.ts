// Renderer entry: Vue with Pinia, Vuetify, vue-i18n and the router.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { vuetify } from './plugins/vuetify'
import './styles/desk.css'

createApp(App).use(createPinia()).use(router).use(i18n).use(vuetify).mount('#app')
