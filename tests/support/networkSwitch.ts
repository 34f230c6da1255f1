import { connect, createServer, type Socket } from 'node:net'

// A PC's network cable: a TCP relay between one PC and the server that a test can unplug. Unplugged,
// it cuts every open connection (the poke stream too) and refuses new ones, as a dead link would.
// It notes the request lines going through (plain HTTP on loopback), can cut the link when a given
// request starts, and can be pointed at another server (one restored from a backup, say).

export interface NetworkSwitch {
  /** The address the PC enrols with. */
  url: string
  /** `METHOD /path?query` of every request sent through, in order. */
  requests: string[]
  unplug(): void
  plug(): void
  /** Unplugs as soon as a request whose line matches `rule` starts (it never reaches the server). */
  cutWhen(rule: ((requestLine: string) => boolean) | null): void
  /** Later connections go to `serverUrl`. */
  retarget(serverUrl: string): void
  close(): Promise<void>
}

const requestLine = /(GET|POST|PATCH|PUT|DELETE) (\S+) HTTP\/1\.1\r\n/g

export async function startNetworkSwitch(serverUrl: string): Promise<NetworkSwitch> {
  let target = new URL(serverUrl)
  const open = new Set<Socket>()
  const requests: string[] = []
  let plugged = true
  let cutRule: ((line: string) => boolean) | null = null
  const unplug = () => {
    plugged = false
    for (const socket of open) socket.destroy()
  }
  const relay = createServer((client) => {
    if (!plugged) {
      client.destroy()
      return
    }
    const upstream = connect(Number(target.port), target.hostname)
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(requestLine)) {
        const line = `${match[1]} ${match[2]}`
        requests.push(line)
        if (cutRule?.(line)) {
          cutRule = null
          unplug()
          return
        }
      }
      if (!upstream.destroyed) upstream.write(chunk)
    })
    client.on('end', () => upstream.end())
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  const address = relay.address()
  if (address === null || typeof address === 'string') throw new Error('The relay has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    unplug,
    plug() {
      plugged = true
    },
    cutWhen(rule) {
      cutRule = rule
    },
    retarget(url) {
      target = new URL(url)
    },
    close() {
      unplug()
      return new Promise((resolve) => relay.close(() => resolve()))
    },
  }
}
