import dgram from 'node:dgram';

/**
 * multicast-dns options that keep mDNS on this machine: the loopback interface has no multicast, so the packets
 * go to its broadcast address instead, which every socket bound there on the port receives. Nothing leaves
 * the machine. Each call is one participant (an announcer or a browser) on `port`.
 */
export function loopbackMdns(port: number): Record<string, unknown> {
  const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  socket.on('listening', () => socket.setBroadcast(true));
  return { socket, multicast: false, ip: '127.255.255.255', port, bind: '127.255.255.255' };
}
