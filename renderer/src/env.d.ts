// Side-effect style imports (fonts, Mantine) are bundled by Vite.
declare module '*.css'
