// The demo console: one WebSocket to this gateway's /ws speaking the frame protocol
// of docs/protocol.md directly, so what the log shows is exactly what went over the wire.
// Every value from the network is shown with textContent, never parsed as HTML.
'use strict';

(function () {
  var $ = function (id) { return document.getElementById(id); };
  var socket = null;
  var nextAck = 1;
  var pending = {}; // ack -> event name, to label callbacks
  var events = {}; // name -> event description from /events.json
  var online = false;

  function socketUrl() {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var base = location.pathname.replace(/[^/]*$/, '');
    return scheme + '//' + location.host + base + 'ws';
  }

  function setStatus(state, text) {
    var status = $('status');
    status.dataset.state = state;
    status.textContent = text;
    $('logout').disabled = state !== 'online';
  }

  function jidText(jid) {
    if (!jid || typeof jid !== 'object') return String(jid);
    return (jid.user ? jid.user + '@' : '') + jid.domain + (jid.resource ? '/' + jid.resource : '');
  }

  function log(kind, title, data, xml) {
    var entry = document.createElement('div');
    entry.className = 'entry ' + kind;
    entry.dataset.title = title;
    var head = document.createElement('div');
    head.className = 'head';
    var arrow = document.createElement('span');
    arrow.textContent = kind === 'out' ? '→' : '←';
    var name = document.createElement('strong');
    name.textContent = title;
    var time = document.createElement('span');
    time.className = 'time';
    time.textContent = new Date().toLocaleTimeString();
    head.append(arrow, name, time);
    var body = document.createElement('pre');
    body.className = 'data';
    body.textContent = JSON.stringify(data, null, 2);
    entry.append(head, body);
    if (typeof xml === 'string') {
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = 'XML';
      var stanza = document.createElement('pre');
      stanza.className = 'xml';
      stanza.textContent = xml;
      details.append(summary, stanza);
      entry.append(details);
    }
    $('log').prepend(entry);
  }

  function send(event, data, withCallback) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      $('compose-error').textContent = 'Not connected to the gateway.';
      return null;
    }
    var frame = { event: event, data: data };
    if (withCallback) {
      frame.ack = nextAck++;
      pending[frame.ack] = event;
    }
    socket.send(JSON.stringify(frame));
    var shown = event === 'xmpp.login' ? Object.assign({}, data, { password: '…' }) : data;
    log('out', event + (withCallback ? ' (callback #' + frame.ack + ')' : ''), shown);
    return frame.ack;
  }

  function onFrame(frame) {
    if (typeof frame.event === 'string') {
      log(frame.event.indexOf('xmpp.error') === 0 ? 'in failed' : 'in', frame.event, frame.data, frame.xml);
      if (frame.event === 'xmpp.connection' && frame.data && frame.data.status === 'online') {
        online = true;
        setStatus('online', 'online as ' + jidText(frame.data.jid));
        syncXml();
      } else if (frame.event === 'xmpp.error' && frame.data && frame.data.type === 'auth') {
        setStatus('error', 'login failed: ' + (frame.data.description || frame.data.condition));
      } else if (frame.event === 'xmpp.connection' && frame.data) {
        online = false;
        setStatus('offline', String(frame.data.status || 'offline'));
      }
      return;
    }
    if (typeof frame.ack === 'number' || typeof frame.ack === 'string') {
      var name = pending[frame.ack] || 'callback';
      delete pending[frame.ack];
      var shown = { error: frame.error, data: frame.data };
      if (frame.rsm !== undefined) shown.rsm = frame.rsm;
      log(frame.error ? 'callback failed' : 'callback', 'callback #' + frame.ack + ' of ' + name, shown, frame.xml);
      if (name === 'xmpp.logout' && !frame.error) {
        online = false;
        setStatus('offline', 'offline');
      }
    }
  }

  // XML on demand: the gateway adds each stanza's XML to the frames it came from.
  function syncXml() {
    if (online) send('gateway.xml', { enabled: $('show-xml').checked }, true);
  }

  function connect(then) {
    if (socket && socket.readyState <= WebSocket.OPEN) {
      if (socket.readyState === WebSocket.OPEN) then();
      else socket.addEventListener('open', then, { once: true });
      return;
    }
    setStatus('connecting', 'connecting…');
    socket = new WebSocket(socketUrl());
    socket.addEventListener('open', then, { once: true });
    socket.addEventListener('message', function (message) {
      var frame;
      try { frame = JSON.parse(message.data); } catch (e) { log('in failed', 'unreadable frame', String(message.data)); return; }
      onFrame(frame);
    });
    socket.addEventListener('close', function (close) {
      online = false;
      setStatus('offline', 'socket closed (' + close.code + ')');
      socket = null;
    });
  }

  function login(event) {
    event.preventDefault();
    var data = { jid: $('jid').value.trim(), password: $('password').value };
    if ($('host').value.trim()) data.host = $('host').value.trim();
    if ($('port').value.trim()) data.port = Number($('port').value);
    connect(function () {
      setStatus('connecting', 'logging in…');
      send('xmpp.login', data, false);
    });
  }

  function chooseEvent() {
    var info = events[$('event').value.trim()];
    var doc = $('event-doc');
    var keys = $('keys');
    var tbody = keys.querySelector('tbody');
    var select = $('example');
    tbody.textContent = '';
    select.textContent = '';
    if (!info) {
      doc.textContent = '';
      keys.hidden = true;
      $('example-label').hidden = true;
      return;
    }
    doc.textContent = info.doc + ' (' + info.spec + ', callback ' + info.callback + ')';
    $('with-callback').checked = info.callback !== 'none';
    info.keys.forEach(function (key) {
      var row = document.createElement('tr');
      [key.key, key.type, key.required ? 'yes' : 'no', key.doc].forEach(function (text) {
        var cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      });
      tbody.append(row);
    });
    keys.hidden = info.keys.length === 0;
    var outgoing = info.examples.filter(function (example) { return example.direction === 'out'; });
    outgoing.forEach(function (example, index) {
      var option = document.createElement('option');
      option.value = String(index);
      option.textContent = example.name + (example.error ? ' (refused: ' + example.error + ')' : '');
      select.append(option);
    });
    $('example-label').hidden = outgoing.length === 0;
    select.onchange = function () { $('payload').value = outgoing[Number(select.value)].json; };
    // Start from a payload the gateway accepts.
    var good = outgoing.findIndex(function (example) { return !example.error; });
    if (good >= 0) select.value = String(good);
    $('payload').value = good >= 0 ? outgoing[good].json : '{}';
  }

  function sendComposed() {
    $('compose-error').textContent = '';
    var name = $('event').value.trim();
    if (!name) { $('compose-error').textContent = 'Choose an event.'; return; }
    var data;
    try { data = JSON.parse($('payload').value || '{}'); } catch (e) {
      $('compose-error').textContent = 'The payload is not JSON: ' + e.message;
      return;
    }
    send(name, data, $('with-callback').checked);
  }

  function loadEvents() {
    fetch('events.json').then(function (response) { return response.json(); }).then(function (list) {
      var names = $('event-names');
      var session = [
        { name: 'xmpp.logout', spec: 'gateway', doc: 'Log out; with a callback the socket stays open.', callback: 'optional', keys: [], examples: [], directions: ['out'] }
      ];
      list.events.concat(session).forEach(function (info) {
        if (info.directions.indexOf('out') < 0) return;
        [info.name].concat(info.aliases || []).forEach(function (name) {
          events[name] = info;
          var option = document.createElement('option');
          option.value = name;
          option.label = info.spec;
          names.append(option);
        });
      });
      document.body.dataset.events = String(Object.keys(events).length);
      chooseEvent();
    });
  }

  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', function () { send('xmpp.logout', {}, true); });
  $('event').addEventListener('input', chooseEvent);
  $('event').addEventListener('change', chooseEvent);
  $('send').addEventListener('click', sendComposed);
  $('show-xml').addEventListener('change', syncXml);
  $('clear').addEventListener('click', function () { $('log').textContent = ''; });
  loadEvents();
})();
