// Gives a plain Node child the `process.parentPort` that Electron's utilityProcess provides, over Node IPC.
process.parentPort = {
  on(event, cb) {
    if (event === 'message') process.on('message', (data) => cb({ data }));
  },
  postMessage(message) {
    if (process.connected) process.send(message);
  },
};
