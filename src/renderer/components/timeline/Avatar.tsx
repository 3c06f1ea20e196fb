import { initialsOf, senderHue } from './sender-style';

/** A round badge with a sender's initials in the sender's own colour. */
export function Avatar({ name }: Readonly<{ name: string }>) {
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ backgroundColor: `hsl(${senderHue(name)} 55% var(--avatar-lightness))` }}
    >
      {initialsOf(name)}
    </span>
  );
}

/** A sender's name in the sender's colour (the same hue as the avatar). */
export function SenderName({ name }: Readonly<{ name: string }>) {
  return (
    <span
      className="message-sender"
      dir="auto"
      style={{ color: `hsl(${senderHue(name)} 55% var(--sender-lightness))` }}
    >
      {name}
    </span>
  );
}
