import { MantineProvider } from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { createQueryClient } from './queryClient'
import { RouterProvider } from './router'
import { SessionGate } from './SessionGate'
import { theme } from './theme'

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider>
          <SessionGate />
        </RouterProvider>
      </QueryClientProvider>
    </MantineProvider>
  )
}
