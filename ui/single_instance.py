"""One window per database: a second start hands over to the running one (QLocalServer).

Two windows on one database would run two schedulers and fire every reminder twice.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 1000
MESSAGE = b"activate\n"


def server_name(db_path: Path) -> str:
    """A name per user and database file."""
    digest = hashlib.sha1(str(Path(db_path).expanduser().resolve()).encode()).hexdigest()[:12]
    return f"overblick-{getpass.getuser()}-{digest}"


class SingleInstance(QObject):
    """``claim()`` is True for the first window; later starts ask it to come to the front."""

    activation_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        if self._ask_running_window():
            return False
        QLocalServer.removeServer(self.name)  # left behind by a window that was killed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True  # cannot guard; better a window than none
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _ask_running_window(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The other start writes one line and goes; read it here, briefly, and let go.
            arrived = socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_TIMEOUT_MS)
            if arrived and bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
                self.activation_requested.emit()
            socket.abort()
            socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
