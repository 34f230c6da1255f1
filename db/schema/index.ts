export * from './auth'
export * from './property'
export * from './reference'
export * from './sync'
