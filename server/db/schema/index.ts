export * from './platform'
export * from './sync'
