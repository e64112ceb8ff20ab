"""The daily digest email: which stories a recipient gets (content), how they look (render),
and sending each digest once per recipient and day (deliver)."""
